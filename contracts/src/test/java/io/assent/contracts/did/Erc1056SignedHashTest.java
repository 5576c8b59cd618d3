package io.assent.contracts.did;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

class Erc1056SignedHashTest {

  private static final String REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
  private static final String IDENTITY = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  private static final String OTHER = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  private static final byte[] NAME = DidNames.encode("did/pub/Secp256k1/veriKey/hex");
  private static final byte[] VALUE = {1, 2, 3, 4, 5};
  private static final BigInteger DAY = BigInteger.valueOf(86_400);

  private static final Credentials OWNER =
      Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

  /**
   * The packing, byte by byte, of setAttribute(IDENTITY, NAME, 0x0102030405, 86400) at nonce 7:
   *
   * <pre>
   * 19                                         bytes1(0x19)
   * 00                                         bytes1(0)
   * 5fbdb2315678afecb367f032d93f642f64180aa3   registry address, 20 bytes
   * 00..0007                                   nonce, uint256 (32 bytes)
   * f39fd6e51aad88f6f4ce6ab8827279cfffb92266   identity address, 20 bytes
   * 736574417474726962757465                   "setAttribute" in ASCII, 12 bytes, no length
   * 6469642f...686578000000                    name, bytes32 as is
   * 0102030405                                 value, dynamic bytes unpadded, no length
   * 00..015180                                 validity 86400, uint256
   * </pre>
   */
  @Test
  void goldenVectorPinsThePacking() {
    String packed =
        "19"
            + "00"
            + "5fbdb2315678afecb367f032d93f642f64180aa3"
            + "0000000000000000000000000000000000000000000000000000000000000007"
            + "f39fd6e51aad88f6f4ce6ab8827279cfffb92266"
            + "736574417474726962757465"
            + "6469642f7075622f536563703235366b312f766572694b65792f686578000000"
            + "0102030405"
            + "0000000000000000000000000000000000000000000000000000000000015180";
    byte[] expected = Hash.sha3(Numeric.hexStringToByteArray(packed));

    byte[] actual =
        Erc1056SignedHash.of(
            REGISTRY,
            BigInteger.valueOf(7),
            new Erc1056Operation.SetAttribute(IDENTITY, NAME, VALUE, DAY));

    assertThat(packed).hasSize(2 * (1 + 1 + 20 + 32 + 20 + 12 + 32 + 5 + 32));
    assertThat(actual).isEqualTo(expected);
    // The same vector from ethers 6: solidityPackedKeccak256(['bytes1','bytes1','address',
    // 'uint256','address','string','bytes32','bytes','uint256'], [...the values above]).
    assertThat(Numeric.toHexString(actual))
        .isEqualTo("0x18b50096aef5e520d811c4f3067c0f9586dbb261a1c9d2d75b8b5f46e212649d");
  }

  static List<Erc1056Operation> operations() {
    byte[] type = DidNames.encode(DidNames.VERI_KEY);
    return List.of(
        new Erc1056Operation.ChangeOwner(IDENTITY, OTHER),
        new Erc1056Operation.AddDelegate(IDENTITY, type, OTHER, DAY),
        new Erc1056Operation.RevokeDelegate(IDENTITY, type, OTHER),
        new Erc1056Operation.SetAttribute(IDENTITY, NAME, VALUE, DAY),
        new Erc1056Operation.RevokeAttribute(IDENTITY, NAME, VALUE));
  }

  @ParameterizedTest
  @MethodSource("operations")
  void signatureRecoversTheSigner(Erc1056Operation op) {
    Erc1056Signature sig = Erc1056SignedHash.sign(REGISTRY, BigInteger.TWO, op, OWNER);

    assertThat(Erc1056SignedHash.recoverSigner(REGISTRY, BigInteger.TWO, op, sig))
        .isEqualTo(OWNER.getAddress());
    // the same signature over another nonce recovers someone else
    assertThat(Erc1056SignedHash.recoverSigner(REGISTRY, BigInteger.ONE, op, sig))
        .isNotEqualTo(OWNER.getAddress());
  }

  @ParameterizedTest
  @MethodSource("operations")
  void hashBindsNonceRegistryAndIdentity(Erc1056Operation op) {
    byte[] base = Erc1056SignedHash.of(REGISTRY, BigInteger.ONE, op);

    assertThat(Erc1056SignedHash.of(REGISTRY, BigInteger.TWO, op)).isNotEqualTo(base);
    assertThat(Erc1056SignedHash.of(OTHER, BigInteger.ONE, op)).isNotEqualTo(base);
    assertThat(Erc1056SignedHash.of(REGISTRY, BigInteger.ONE, op)).isEqualTo(base);
  }

  @Test
  void hashBindsEveryArgument() {
    byte[] base = setAttributeHash(IDENTITY, NAME, VALUE, DAY);

    assertThat(setAttributeHash(OTHER, NAME, VALUE, DAY)).isNotEqualTo(base);
    assertThat(setAttributeHash(IDENTITY, DidNames.encode("did/svc/X"), VALUE, DAY))
        .isNotEqualTo(base);
    assertThat(setAttributeHash(IDENTITY, NAME, new byte[] {1, 2, 3, 4, 6}, DAY))
        .isNotEqualTo(base);
    assertThat(setAttributeHash(IDENTITY, NAME, VALUE, DAY.add(BigInteger.ONE))).isNotEqualTo(base);
  }

  @Test
  void hashBindsTheFunctionName() {
    byte[] type = DidNames.encode(DidNames.VERI_KEY);
    // same packed arguments after the name: only the function name differs
    byte[] revoke =
        Erc1056SignedHash.of(
            REGISTRY, BigInteger.ONE, new Erc1056Operation.RevokeDelegate(IDENTITY, type, OTHER));
    byte[] revokeAttribute =
        Erc1056SignedHash.of(
            REGISTRY,
            BigInteger.ONE,
            new Erc1056Operation.RevokeAttribute(
                IDENTITY, type, Numeric.hexStringToByteArray(OTHER)));

    assertThat(revoke).isNotEqualTo(revokeAttribute);
  }

  private static byte[] setAttributeHash(
      String identity, byte[] name, byte[] value, BigInteger validity) {
    return Erc1056SignedHash.of(
        REGISTRY,
        BigInteger.ONE,
        new Erc1056Operation.SetAttribute(identity, name, value, validity));
  }
}
