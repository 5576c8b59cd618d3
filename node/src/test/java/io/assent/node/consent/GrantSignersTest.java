package io.assent.node.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Verification against claimed keys, alone and in batches, must agree with recovery on every
 * signature: what recovers to the key holds, anything else does not.
 */
class GrantSignersTest {
  private static final SecureRandom RANDOM = new SecureRandom(new byte[] {7});
  private static final List<ECKeyPair> KEYS = keys(8);

  private static List<ECKeyPair> keys(int count) {
    List<ECKeyPair> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(ECKeyPair.create(BigInteger.valueOf(7_000_003L * (i + 1))));
    }
    return keys;
  }

  private static byte[] digest() {
    byte[] digest = new byte[32];
    RANDOM.nextBytes(digest);
    return digest;
  }

  private static String sign(byte[] digest, ECKeyPair key) {
    Sign.SignatureData s = Sign.signMessage(digest, key, false);
    byte[] sig = new byte[65];
    System.arraycopy(s.getR(), 0, sig, 0, 32);
    System.arraycopy(s.getS(), 0, sig, 32, 32);
    sig[64] = s.getV()[0];
    return Numeric.toHexString(sig);
  }

  private static String uncompressed(ECKeyPair key) {
    return "0x04" + Numeric.toHexStringNoPrefixZeroPadded(key.getPublicKey(), 128);
  }

  private static String compressed(ECKeyPair key) {
    ECPoint point = SignerKey.parse(uncompressed(key)).point();
    return Numeric.toHexString(point.getEncoded(true));
  }

  private static String address(ECKeyPair key) {
    return "0x" + Keys.getAddress(key).toLowerCase(Locale.ROOT);
  }

  /** Signatures of {@code count} digests, each by the next key, each claiming its own key. */
  private static List<GrantSigners.Signed> honest(int count) {
    List<GrantSigners.Signed> signed = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ECKeyPair key = KEYS.get(i % KEYS.size());
      byte[] digest = digest();
      signed.add(new GrantSigners.Signed(digest, sign(digest, key), uncompressed(key)));
    }
    return signed;
  }

  private static SignatureBatch.Claim claim(GrantSigners.Signed signed) {
    return SignatureBatch.Claim.of(
        signed.digest(),
        Secp256k1Signature.parse(signed.signature()),
        SignerKey.parse(signed.signerKey()));
  }

  @Test
  void aBatchOfHonestClaimsHoldsAndNamesEachSigner() {
    List<GrantSigners.Signed> signed = honest(50);
    assertThat(SignatureBatch.holds(signed.stream().map(GrantSignersTest::claim).toList()))
        .isTrue();
    GrantSigners.Signer[] signers = GrantSigners.identify(signed);
    for (int i = 0; i < signed.size(); i++) {
      assertThat(signers[i].refusal()).isNull();
      assertThat(signers[i].address()).isEqualTo(address(KEYS.get(i % KEYS.size())));
    }
  }

  @Test
  void oneWrongClaimFailsTheBatchAndOnlyItIsRefused() {
    List<GrantSigners.Signed> signed = new ArrayList<>(honest(20));
    GrantSigners.Signed honest = signed.get(7);
    // signed by key 7, claiming key 0: recovery gives key 7, so the claim is false
    signed.set(
        7, new GrantSigners.Signed(honest.digest(), honest.signature(), uncompressed(KEYS.get(0))));
    assertThat(SignatureBatch.holds(signed.stream().map(GrantSignersTest::claim).toList()))
        .isFalse();

    GrantSigners.Signer[] signers = GrantSigners.identify(signed);
    assertThat(signers[7].refusal().error()).isEqualTo(ConsentError.INVALID_SIGNATURE);
    assertThat(signers[7].refusal().getMessage()).contains("not to signerKey's address");
    for (int i = 0; i < signed.size(); i++) {
      if (i != 7) {
        assertThat(signers[i].address()).isEqualTo(address(KEYS.get(i % KEYS.size())));
      }
    }
  }

  @Test
  void eachKindOfForgeryFailsABatchThatIsOtherwiseHonest() {
    List<GrantSigners.Signed> base = honest(10);
    GrantSigners.Signed victim = base.get(3);
    byte[] sig = Numeric.hexStringToByteArray(victim.signature());
    byte[] flippedV = sig.clone();
    flippedV[64] = (byte) (flippedV[64] == 27 ? 28 : 27);
    byte[] otherDigest = victim.digest().clone();
    otherDigest[0] ^= 1;
    byte[] otherS = sig.clone();
    otherS[63] ^= 1;
    List<GrantSigners.Signed> forgeries =
        List.of(
            new GrantSigners.Signed(
                victim.digest(), Numeric.toHexString(flippedV), victim.signerKey()),
            new GrantSigners.Signed(otherDigest, victim.signature(), victim.signerKey()),
            new GrantSigners.Signed(
                victim.digest(), Numeric.toHexString(otherS), victim.signerKey()));
    for (GrantSigners.Signed forgery : forgeries) {
      List<GrantSigners.Signed> batch = new ArrayList<>(base);
      batch.set(3, forgery);
      assertThat(SignatureBatch.holds(batch.stream().map(GrantSignersTest::claim).toList()))
          .isFalse();
      assertThat(GrantSigners.identify(batch)[3].refusal().error())
          .isEqualTo(ConsentError.INVALID_SIGNATURE);
    }
  }

  @Test
  void eachKindOfForgeryFailsABatchLargeEnoughForSparseWeights() {
    List<GrantSigners.Signed> base = honest(SignatureBatch.SPARSE_FROM + 4);
    assertThat(SignatureBatch.holds(base.stream().map(GrantSignersTest::claim).toList())).isTrue();
    GrantSigners.Signed victim = base.get(11);
    byte[] otherDigest = victim.digest().clone();
    otherDigest[31] ^= 1;
    byte[] otherS = Numeric.hexStringToByteArray(victim.signature());
    otherS[40] ^= 1;
    List<GrantSigners.Signed> forgeries =
        List.of(
            new GrantSigners.Signed(otherDigest, victim.signature(), victim.signerKey()),
            new GrantSigners.Signed(
                victim.digest(), Numeric.toHexString(otherS), victim.signerKey()),
            new GrantSigners.Signed(
                victim.digest(), victim.signature(), uncompressed(KEYS.get(0))));
    for (GrantSigners.Signed forgery : forgeries) {
      List<GrantSigners.Signed> batch = new ArrayList<>(base);
      batch.set(11, forgery);
      assertThat(SignatureBatch.holds(batch.stream().map(GrantSignersTest::claim).toList()))
          .isFalse();
    }
  }

  @Test
  void sparseWeightsAreWidthFiveNafsOfTheirValue() {
    java.security.SecureRandom random = new java.security.SecureRandom();
    java.util.Set<java.math.BigInteger> seen = new java.util.HashSet<>();
    for (int n = 0; n < 2_000; n++) {
      byte[] bytes = new byte[SparseWeight.BYTES];
      random.nextBytes(bytes);
      SparseWeight weight = SparseWeight.draw(bytes, 0, random);
      java.math.BigInteger value = java.math.BigInteger.ZERO;
      int digits = 0;
      int last = -SparseWeight.GAP;
      for (int bit = 0; bit < weight.digits().length; bit++) {
        int d = weight.digits()[bit];
        if (d != 0) {
          assertThat(Math.abs(d)).isOdd().isLessThanOrEqualTo(15);
          assertThat(bit - last).as("gap").isGreaterThanOrEqualTo(SparseWeight.GAP);
          last = bit;
          digits++;
          value = value.add(java.math.BigInteger.valueOf(d).shiftLeft(bit));
        }
      }
      assertThat(digits).isEqualTo(SparseWeight.DIGITS);
      assertThat(weight.value()).isEqualTo(value).isNotEqualTo(java.math.BigInteger.ZERO);
      assertThat(value.abs().bitLength()).isLessThanOrEqualTo(251);
      seen.add(value);
    }
    assertThat(seen).as("no repeats among 2,000 draws of 2^132").hasSize(2_000);
  }

  @Test
  void aClaimHoldsExactlyWhenTheSignatureRecoversToTheKey() {
    for (int round = 0; round < 40; round++) {
      byte[] digest = digest();
      ECKeyPair signer = KEYS.get(round % KEYS.size());
      ECKeyPair claimed = round % 3 == 0 ? KEYS.get((round + 1) % KEYS.size()) : signer;
      GrantSigners.Signed signed =
          new GrantSigners.Signed(digest, sign(digest, signer), uncompressed(claimed));
      boolean recovers =
          SignatureRecovery.recover(digest, signed.signature()).equals(address(claimed));
      // a batch of two: the claim and an honest one, so that the batch path decides
      List<SignatureBatch.Claim> pair = List.of(claim(signed), claim(honest(1).get(0)));
      assertThat(SignatureBatch.holds(pair)).as("round %d", round).isEqualTo(recovers);
    }
  }

  @Test
  void grantsWithAndWithoutKeysAndCompressedKeysAreIdentifiedAlike() {
    List<GrantSigners.Signed> signed = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ECKeyPair key = KEYS.get(i);
      byte[] digest = digest();
      String key0 =
          switch (i % 3) {
            case 0 -> null;
            case 1 -> uncompressed(key);
            default -> compressed(key);
          };
      signed.add(new GrantSigners.Signed(digest, sign(digest, key), key0));
    }
    GrantSigners.Signer[] signers = GrantSigners.identify(signed);
    for (int i = 0; i < 6; i++) {
      assertThat(signers[i].address()).isEqualTo(address(KEYS.get(i)));
    }
  }

  @Test
  void aKeyThatIsNoPointOrAnRThatIsNoPointIsAnInvalidSignature() {
    GrantSigners.Signed good = honest(1).get(0);
    String notOnCurve = "0x04" + "11".repeat(64);
    String infinity = "0x00";
    String shortKey = "0x04" + "11".repeat(10);
    for (String key : List.of(notOnCurve, infinity, shortKey)) {
      GrantSigners.Signer signer =
          GrantSigners.identify(
              List.of(new GrantSigners.Signed(good.digest(), good.signature(), key)))[0];
      assertThat(signer.refusal().error()).isEqualTo(ConsentError.INVALID_SIGNATURE);
      assertThat(signer.refusal().getMessage())
          .isEqualTo("signerKey is not a secp256k1 public key");
    }
    // r = 5: 5^3 + 7 = 132 has no square root mod p, so no point has x = 5
    byte[] sig = Numeric.hexStringToByteArray(good.signature());
    byte[] noPoint = sig.clone();
    java.util.Arrays.fill(noPoint, 0, 32, (byte) 0);
    noPoint[31] = 5;
    GrantSigners.Signer signer =
        GrantSigners.identify(
            List.of(
                new GrantSigners.Signed(
                    good.digest(), Numeric.toHexString(noPoint), good.signerKey()),
                good))[0];
    assertThat(signer.refusal().getMessage()).isEqualTo("signature does not recover a key");
  }
}
