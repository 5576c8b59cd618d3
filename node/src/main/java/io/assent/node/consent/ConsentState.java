package io.assent.node.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assent.node.anchor.ProofPlace;
import io.assent.node.store.Binary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CONSENT_STATE[id]}, written only by the consent service: what {@code status} and {@code
 * check} need without decrypting the record. An erased consent keeps only its status and {@code
 * erasedAt}.
 *
 * <p>Encoding: binary (below), read on every status, check and anchoring of the consent; states
 * written by nodes before it are JSON objects (their first byte is {@code '{'}), or binary without
 * a slot (version 2), still read. Hex values are lower-case 0x-hex, as the service's checks leave
 * them.
 *
 * @param withdrawal null until the subject withdraws
 * @param slot the consent's acceptance sequence on this node, under which its record, key
 *     ({@link RecordVault}) and anchor proof ({@link ProofPlace}) are kept; {@link #NO_SLOT} for
 *     states written before slots, and erased ones
 */
public record ConsentState(
    String status,
    String subject,
    String dataset,
    List<String> purposes,
    long validFrom,
    long validUntil,
    long acceptedAt,
    String grantNonce,
    Withdrawal withdrawal,
    long erasedAt,
    long slot) {

  public static final String PENDING = "pending";
  public static final String ERASED = "erased";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The slot of a state that has none. */
  public static final long NO_SLOT = -1;

  private static final int BINARY_WITHOUT_SLOT = 2;
  private static final int BINARY = 3;

  /** A locally accepted withdrawal; {@code time} is the signed time, unix seconds. */
  public record Withdrawal(long time, String nonce, String signatureDigest) {}

  public ConsentState {
    purposes = List.copyOf(purposes);
  }

  /** A state without a slot. */
  public ConsentState(
      String status,
      String subject,
      String dataset,
      List<String> purposes,
      long validFrom,
      long validUntil,
      long acceptedAt,
      String grantNonce,
      Withdrawal withdrawal,
      long erasedAt) {
    this(
        status,
        subject,
        dataset,
        purposes,
        validFrom,
        validUntil,
        acceptedAt,
        grantNonce,
        withdrawal,
        erasedAt,
        NO_SLOT);
  }

  /** Where this consent's anchor proof is kept. */
  public ProofPlace proofPlace() {
    return slot == NO_SLOT ? ProofPlace.BY_LEAF : ProofPlace.slot(slot);
  }

  public boolean erased() {
    return ERASED.equals(status);
  }

  static ConsentState erasedAt(long time) {
    return new ConsentState(ERASED, null, null, List.of(), 0, 0, 0, null, null, time);
  }

  ConsentState withWithdrawal(Withdrawal w) {
    return new ConsentState(
        status,
        subject,
        dataset,
        purposes,
        validFrom,
        validUntil,
        acceptedAt,
        grantNonce,
        w,
        erasedAt,
        slot);
  }

  /**
   * The {@link #encode}d state with its slot set: the commit thread learns the slot (the leaf's
   * queue sequence) only after the API thread encoded the rest.
   */
  static byte[] withSlot(byte[] encoded, long slot) {
    if (encoded.length < 9 || encoded[0] != BINARY) {
      throw new IllegalArgumentException("not an encoded state with a slot");
    }
    byte[] out = encoded.clone();
    ByteBuffer.wrap(out, 1, 8).putLong(slot);
    return out;
  }

  /**
   * {@code 3 ‖ slot (8, -1 for none) ‖ status (text)}, then for an erased consent {@code erasedAt
   * (8)}; else {@code subject (20) ‖ dataset (32) ‖ purpose count (1) ‖ purposes (texts) ‖
   * validFrom, validUntil, acceptedAt (8 each) ‖ grant nonce (32) ‖ withdrawal (0, or 1 ‖ time (8)
   * ‖ nonce (32) ‖ signature digest (32))}. Version 2 is the same without the slot.
   */
  byte[] encode() {
    Binary.Writer out = new Binary.Writer(256).u8(BINARY).i64(slot).text(status);
    if (erased()) {
      return out.i64(erasedAt).bytes();
    }
    if (purposes.size() > 255) {
      throw new IllegalArgumentException("more than 255 purposes");
    }
    out.hex(subject, 20).hex(dataset, 32).u8(purposes.size());
    purposes.forEach(out::text);
    out.i64(validFrom).i64(validUntil).i64(acceptedAt).hex(grantNonce, 32);
    if (withdrawal == null) {
      out.u8(0);
    } else {
      out.u8(1)
          .i64(withdrawal.time())
          .hex(withdrawal.nonce(), 32)
          .hex(withdrawal.signatureDigest(), 32);
    }
    return out.bytes();
  }

  static ConsentState decode(byte[] bytes) {
    if (bytes.length > 0 && bytes[0] == '{') {
      return decodeJson(bytes);
    }
    Binary.Reader in = new Binary.Reader(bytes);
    int version = in.u8();
    if (version != BINARY && version != BINARY_WITHOUT_SLOT) {
      throw new IllegalStateException("unknown consent state encoding");
    }
    long slot = version == BINARY ? in.i64() : NO_SLOT;
    String status = in.text();
    if (ERASED.equals(status)) {
      ConsentState erased = erasedAt(in.i64());
      in.end();
      return erased;
    }
    String subject = in.hex(20);
    String dataset = in.hex(32);
    int count = in.u8();
    List<String> purposes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      purposes.add(in.text());
    }
    long validFrom = in.i64();
    long validUntil = in.i64();
    long acceptedAt = in.i64();
    String grantNonce = in.hex(32);
    Withdrawal withdrawal = in.u8() == 0 ? null : new Withdrawal(in.i64(), in.hex(32), in.hex(32));
    in.end();
    return new ConsentState(
        status,
        subject,
        dataset,
        purposes,
        validFrom,
        validUntil,
        acceptedAt,
        grantNonce,
        withdrawal,
        0,
        slot);
  }

  /** The JSON of states written before the binary encoding. */
  private static ConsentState decodeJson(byte[] bytes) {
    JsonNode json;
    try {
      json = MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable consent state", e);
    }
    if (ERASED.equals(json.path("status").asText())) {
      return erasedAt(json.path("erasedAt").asLong());
    }
    List<String> purposes = new ArrayList<>();
    json.path("purposes").forEach(p -> purposes.add(p.asText()));
    JsonNode w = json.get("withdrawal");
    Withdrawal withdrawal =
        w == null
            ? null
            : new Withdrawal(
                w.path("time").asLong(),
                w.path("nonce").asText(),
                w.path("signatureDigest").asText());
    return new ConsentState(
        json.path("status").asText(),
        json.path("subject").asText(),
        json.path("dataset").asText(),
        purposes,
        json.path("validFrom").asLong(),
        json.path("validUntil").asLong(),
        json.path("acceptedAt").asLong(),
        json.path("grantNonce").asText(),
        withdrawal,
        0);
  }
}
