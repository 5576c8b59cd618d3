package io.assent.contracts.did;

import java.math.BigInteger;

/**
 * One ERC-1056 write operation on an identity, independent of who sends it: the owner directly, or
 * anyone relaying the owner's signature over {@link Erc1056SignedHash}.
 *
 * <p>{@code name} and {@code delegateType} are bytes32 (exactly 32 bytes); {@code validity} is in
 * seconds from the block that includes the transaction.
 */
public sealed interface Erc1056Operation {

  /** The identity address (0x-prefixed, 20 bytes). */
  String identity();

  /** The function name as the signed hash spells it, e.g. {@code "setAttribute"}. */
  String functionName();

  record ChangeOwner(String identity, String newOwner) implements Erc1056Operation {
    @Override
    public String functionName() {
      return "changeOwner";
    }
  }

  record AddDelegate(String identity, byte[] delegateType, String delegate, BigInteger validity)
      implements Erc1056Operation {
    @Override
    public String functionName() {
      return "addDelegate";
    }
  }

  record RevokeDelegate(String identity, byte[] delegateType, String delegate)
      implements Erc1056Operation {
    @Override
    public String functionName() {
      return "revokeDelegate";
    }
  }

  record SetAttribute(String identity, byte[] name, byte[] value, BigInteger validity)
      implements Erc1056Operation {
    @Override
    public String functionName() {
      return "setAttribute";
    }
  }

  record RevokeAttribute(String identity, byte[] name, byte[] value) implements Erc1056Operation {
    @Override
    public String functionName() {
      return "revokeAttribute";
    }
  }
}
