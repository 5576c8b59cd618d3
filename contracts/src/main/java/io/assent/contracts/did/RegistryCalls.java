package io.assent.contracts.did;

import io.assent.contracts.generated.DIDRegistry;
import java.math.BigInteger;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The calldata of each ERC-1056 write, encoded by the generated binding so it always matches the
 * compiled contract's ABI. Arguments are checked first, so bad input fails here with a clear
 * message instead of deep inside web3j's encoder.
 */
final class RegistryCalls {

  private final DIDRegistry registry;

  RegistryCalls(DIDRegistry registry) {
    this.registry = registry;
  }

  /** Calldata of the plain function: the sender must be the owner. */
  String direct(Erc1056Operation operation) {
    RemoteFunctionCall<TransactionReceipt> call =
        switch (operation) {
          case Erc1056Operation.ChangeOwner op ->
              registry.changeOwner(address(op.identity()), address(op.newOwner()));
          case Erc1056Operation.AddDelegate op ->
              registry.addDelegate(
                  address(op.identity()),
                  bytes32(op.delegateType()),
                  address(op.delegate()),
                  uint(op.validity()));
          case Erc1056Operation.RevokeDelegate op ->
              registry.revokeDelegate(
                  address(op.identity()), bytes32(op.delegateType()), address(op.delegate()));
          case Erc1056Operation.SetAttribute op ->
              registry.setAttribute(
                  address(op.identity()),
                  bytes32(op.name()),
                  bytes(op.value()),
                  uint(op.validity()));
          case Erc1056Operation.RevokeAttribute op ->
              registry.revokeAttribute(
                  address(op.identity()), bytes32(op.name()), bytes(op.value()));
        };
    return call.encodeFunctionCall();
  }

  /** Calldata of the {@code *Signed} variant: anyone may send it. */
  String signed(Erc1056Operation operation, Erc1056Signature sig) {
    BigInteger v = BigInteger.valueOf(sig.v());
    byte[] r = sig.r();
    byte[] s = sig.s();
    RemoteFunctionCall<TransactionReceipt> call =
        switch (operation) {
          case Erc1056Operation.ChangeOwner op ->
              registry.changeOwnerSigned(address(op.identity()), v, r, s, address(op.newOwner()));
          case Erc1056Operation.AddDelegate op ->
              registry.addDelegateSigned(
                  address(op.identity()),
                  v,
                  r,
                  s,
                  bytes32(op.delegateType()),
                  address(op.delegate()),
                  uint(op.validity()));
          case Erc1056Operation.RevokeDelegate op ->
              registry.revokeDelegateSigned(
                  address(op.identity()),
                  v,
                  r,
                  s,
                  bytes32(op.delegateType()),
                  address(op.delegate()));
          case Erc1056Operation.SetAttribute op ->
              registry.setAttributeSigned(
                  address(op.identity()),
                  v,
                  r,
                  s,
                  bytes32(op.name()),
                  bytes(op.value()),
                  uint(op.validity()));
          case Erc1056Operation.RevokeAttribute op ->
              registry.revokeAttributeSigned(
                  address(op.identity()), v, r, s, bytes32(op.name()), bytes(op.value()));
        };
    return call.encodeFunctionCall();
  }

  /** Checks a 0x-prefixed 20-byte hex address and returns it lower-cased. */
  static String address(String address) {
    if (address == null || !address.matches("0x[0-9a-fA-F]{40}")) {
      throw new IllegalArgumentException("not a 0x-prefixed 20-byte address: " + address);
    }
    return address.toLowerCase(java.util.Locale.ROOT);
  }

  static byte[] bytes32(byte[] value) {
    if (value == null || value.length != 32) {
      throw new IllegalArgumentException(
          "expected 32 bytes (see DidNames.encode), got "
              + (value == null ? "null" : value.length + ": " + Numeric.toHexString(value)));
    }
    return value;
  }

  private static byte[] bytes(byte[] value) {
    if (value == null) {
      throw new IllegalArgumentException("attribute value must not be null (may be empty)");
    }
    return value;
  }

  private static BigInteger uint(BigInteger value) {
    if (value == null || value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("validity must be a uint256, was " + value);
    }
    return value;
  }
}
