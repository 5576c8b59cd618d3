package io.assent.node.identity;

import io.assent.contracts.did.DidEvent;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.web3j.utils.Numeric;

/**
 * The value stored under a {@code DID_EVENTS} key (block number and log index are in the key).
 * Format version 1, all integers big-endian:
 *
 * <pre>
 * version      1 byte   = 1
 * kind         1 byte   1 = DIDOwnerChanged, 2 = DIDDelegateChanged, 3 = DIDAttributeChanged
 * timestamp    8 bytes  block timestamp, seconds since the epoch
 * txHash      32 bytes  hash of the emitting transaction
 * previous     uint     previousChange
 * kind 1:      owner (20 bytes)
 * kind 2:      delegateType (32) ‖ delegate (20) ‖ validTo (uint)
 * kind 3:      name (32) ‖ validTo (uint) ‖ value length (4) ‖ value
 * </pre>
 *
 * where {@code uint} is one length byte L (0..32) followed by L bytes of unsigned magnitude (zero
 * is L = 0). A reader refuses any other version instead of guessing.
 */
final class DidEventCodec {

  static final byte VERSION = 1;
  private static final byte OWNER = 1;
  private static final byte DELEGATE = 2;
  private static final byte ATTRIBUTE = 3;

  private DidEventCodec() {}

  static byte[] encode(IndexedDidEvent indexed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    out.write(VERSION);
    DidEvent event = indexed.event();
    out.write(
        switch (event) {
          case DidEvent.OwnerChanged e -> OWNER;
          case DidEvent.DelegateChanged e -> DELEGATE;
          case DidEvent.AttributeChanged e -> ATTRIBUTE;
        });
    out.writeBytes(ByteBuffer.allocate(8).putLong(indexed.blockTimestamp()).array());
    out.writeBytes(fixed(Numeric.hexStringToByteArray(indexed.transactionHash()), 32));
    writeUint(out, event.previousChange());
    switch (event) {
      case DidEvent.OwnerChanged e -> out.writeBytes(IdentityKeys.identity(e.owner()));
      case DidEvent.DelegateChanged e -> {
        out.writeBytes(fixed(e.delegateType(), 32));
        out.writeBytes(IdentityKeys.identity(e.delegate()));
        writeUint(out, e.validTo());
      }
      case DidEvent.AttributeChanged e -> {
        out.writeBytes(fixed(e.name(), 32));
        writeUint(out, e.validTo());
        out.writeBytes(ByteBuffer.allocate(4).putInt(e.value().length).array());
        out.writeBytes(e.value());
      }
    }
    return out.toByteArray();
  }

  /** Decodes a stored event; {@code key} supplies identity, block number and log index. */
  static IndexedDidEvent decode(byte[] key, byte[] value) {
    ByteBuffer in = ByteBuffer.wrap(value);
    try {
      byte version = in.get();
      if (version != VERSION) {
        throw new IllegalStateException("unknown DID event format version " + version);
      }
      byte kind = in.get();
      long timestamp = in.getLong();
      String txHash = Numeric.toHexString(bytes(in, 32));
      BigInteger previous = readUint(in);
      String identity = IdentityKeys.address(key);
      DidEvent event =
          switch (kind) {
            case OWNER -> new DidEvent.OwnerChanged(identity, address(in), previous);
            case DELEGATE ->
                new DidEvent.DelegateChanged(
                    identity, bytes(in, 32), address(in), readUint(in), previous);
            case ATTRIBUTE -> {
              byte[] name = bytes(in, 32);
              BigInteger validTo = readUint(in);
              byte[] data = bytes(in, in.getInt());
              yield new DidEvent.AttributeChanged(identity, name, data, validTo, previous);
            }
            default -> throw new IllegalStateException("unknown DID event kind " + kind);
          };
      if (in.hasRemaining()) {
        throw new IllegalStateException("trailing bytes in a stored DID event");
      }
      return new IndexedDidEvent(
          IdentityKeys.blockOf(key), IdentityKeys.logIndexOf(key), timestamp, txHash, event);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new IllegalStateException("corrupt stored DID event", e);
    }
  }

  private static byte[] fixed(byte[] bytes, int length) {
    if (bytes.length != length) {
      throw new IllegalArgumentException("expected " + length + " bytes, got " + bytes.length);
    }
    return bytes;
  }

  private static void writeUint(ByteArrayOutputStream out, BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("not a uint256: " + value);
    }
    byte[] magnitude =
        value.signum() == 0
            ? new byte[0]
            : Numeric.toBytesPadded(value, (value.bitLength() + 7) / 8);
    out.write(magnitude.length);
    out.writeBytes(magnitude);
  }

  private static BigInteger readUint(ByteBuffer in) {
    int length = in.get() & 0xff;
    if (length > 32) {
      throw new IllegalStateException("uint longer than 32 bytes");
    }
    return new BigInteger(1, bytes(in, length));
  }

  private static String address(ByteBuffer in) {
    return Numeric.toHexString(bytes(in, 20)).toLowerCase(Locale.ROOT);
  }

  private static byte[] bytes(ByteBuffer in, int length) {
    if (length < 0) {
      throw new IllegalStateException("negative length");
    }
    byte[] out = new byte[length];
    in.get(out);
    return out;
  }
}
