package io.assent.node.consent;

import java.util.ArrayList;
import java.util.List;

/**
 * Who signed each of a list of grants. A grant whose request names its signer's key ({@code
 * signerKey}) is verified against that key, and all such grants of one list together ({@link
 * SignatureBatch}: about half the CPU of recovering each); if the batch fails, each is checked
 * alone to find which. A grant without a key has its signer recovered from the signature. The
 * outcome is the same either way: a signature verifies against a key exactly when it recovers to
 * it, and a key it does not recover to is {@code invalidSignature}.
 */
final class GrantSigners {
  private GrantSigners() {}

  /** A grant's signer's address, or why its signature was refused. */
  record Signer(String address, ConsentException refusal) {
    /** The address; the refusal is thrown here, where recovery used to fail. */
    String addressOrThrow() {
      if (refusal != null) {
        throw refusal;
      }
      return address;
    }
  }

  /** One grant to identify: its digest, its signature and the key it claims, if any. */
  record Signed(byte[] digest, String signature, String signerKey) {}

  /** The signer of each grant, in order. */
  static Signer[] identify(List<Signed> grants) {
    Signer[] signers = new Signer[grants.size()];
    List<Integer> claimed = new ArrayList<>();
    List<SignatureBatch.Claim> claims = new ArrayList<>();
    for (int i = 0; i < grants.size(); i++) {
      Signed grant = grants.get(i);
      try {
        Secp256k1Signature signature = Secp256k1Signature.parse(grant.signature());
        if (grant.signerKey() == null) {
          signers[i] = new Signer(SignatureRecovery.recover(grant.digest(), signature), null);
        } else {
          SignerKey key = SignerKey.parse(grant.signerKey());
          claims.add(SignatureBatch.Claim.of(grant.digest(), signature, key));
          claimed.add(i);
        }
      } catch (ConsentException e) {
        signers[i] = new Signer(null, e);
      }
    }
    boolean allHold = claims.size() > 1 && SignatureBatch.holds(claims);
    for (int c = 0; c < claims.size(); c++) {
      SignatureBatch.Claim claim = claims.get(c);
      signers[claimed.get(c)] = allHold ? new Signer(claim.key().address(), null) : alone(claim);
    }
    return signers;
  }

  /** One claim checked by recovery: the key's address if the signature recovers to it. */
  private static Signer alone(SignatureBatch.Claim claim) {
    try {
      String recovered = SignatureRecovery.recover(claim.digest(), claim.signature());
      if (!recovered.equals(claim.key().address())) {
        return new Signer(
            null,
            Secp256k1Signature.invalid(
                "the signature recovers to " + recovered + ", not to signerKey's address"));
      }
      return new Signer(recovered, null);
    } catch (ConsentException e) {
      return new Signer(null, e);
    }
  }
}
