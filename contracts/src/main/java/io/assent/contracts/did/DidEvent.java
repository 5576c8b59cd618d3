package io.assent.contracts.did;

import java.math.BigInteger;

/**
 * A decoded DID registry event, as the did:ethr method reads it. Every event carries the identity
 * it changes and {@code previousChange}, the block of that identity's previous change (0 for the
 * first), which links an identity's events into a list.
 *
 * <p>{@code name} and {@code delegateType} are the raw bytes32 values (32 bytes, right-padded
 * ASCII); {@code validTo} is seconds since the epoch (for attributes 0 means revoked).
 */
public sealed interface DidEvent {

  /** The identity address, lower-case 0x-prefixed hex. */
  String identity();

  BigInteger previousChange();

  /** {@code DIDOwnerChanged(address indexed identity, address owner, uint previousChange)}. */
  record OwnerChanged(String identity, String owner, BigInteger previousChange)
      implements DidEvent {}

  /**
   * {@code DIDDelegateChanged(address indexed identity, bytes32 delegateType, address delegate,
   * uint validTo, uint previousChange)}.
   */
  record DelegateChanged(
      String identity,
      byte[] delegateType,
      String delegate,
      BigInteger validTo,
      BigInteger previousChange)
      implements DidEvent {}

  /**
   * {@code DIDAttributeChanged(address indexed identity, bytes32 name, bytes value, uint validTo,
   * uint previousChange)}.
   */
  record AttributeChanged(
      String identity, byte[] name, byte[] value, BigInteger validTo, BigInteger previousChange)
      implements DidEvent {}
}
