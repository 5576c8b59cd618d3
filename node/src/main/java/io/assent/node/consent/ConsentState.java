package io.assent.node.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CONSENT_STATE[id]}, written only by the consent service: what {@code status} and {@code
 * check} need without decrypting the record. An erased consent keeps only {@code {status: "erased",
 * erasedAt}}.
 *
 * @param grantDigest the grant's EIP-712 digest (to drop its index on erasure)
 * @param withdrawal null until the subject withdraws
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
    String grantDigest,
    Withdrawal withdrawal,
    long erasedAt) {

  public static final String PENDING = "pending";
  public static final String ERASED = "erased";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A locally accepted withdrawal; {@code time} is the signed time, unix seconds. */
  public record Withdrawal(long time, String nonce, String signatureDigest) {}

  public boolean erased() {
    return ERASED.equals(status);
  }

  static ConsentState erasedAt(long time) {
    return new ConsentState(ERASED, null, null, List.of(), 0, 0, 0, null, null, null, time);
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
        grantDigest,
        w,
        erasedAt);
  }

  byte[] encode() {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("version", 1);
    json.put("status", status);
    if (erased()) {
      json.put("erasedAt", erasedAt);
      return json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    json.put("subject", subject);
    json.put("dataset", dataset);
    purposes.forEach(json.putArray("purposes")::add);
    json.put("validFrom", validFrom);
    json.put("validUntil", validUntil);
    json.put("acceptedAt", acceptedAt);
    json.put("grantNonce", grantNonce);
    json.put("grantDigest", grantDigest);
    if (withdrawal != null) {
      json.putObject("withdrawal")
          .put("time", withdrawal.time())
          .put("nonce", withdrawal.nonce())
          .put("signatureDigest", withdrawal.signatureDigest());
    }
    return json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static ConsentState decode(byte[] bytes) {
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
        json.path("grantDigest").asText(),
        withdrawal,
        0);
  }
}
