package io.assent.testnet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.contracts.devchain.Anvil;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

class Secp256k1SignerTest {

  private static ECKeyPair key(int i) {
    return ECKeyPair.create(Hash.sha3(("key " + i).getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] hash(int i) {
    return Hash.sha3(("message " + i).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void signsExactlyAsWeb3j() {
    // 64 pairs: both recovery ids and both halves of s occur many times over.
    for (int i = 0; i < 64; i++) {
      Sign.SignatureData expected = Sign.signMessage(hash(i), key(i), false);
      Sign.SignatureData actual = Secp256k1Signer.sign(hash(i), key(i).getPrivateKey());
      assertThat(actual.getR()).as("r of pair %d", i).isEqualTo(expected.getR());
      assertThat(actual.getS()).as("s of pair %d", i).isEqualTo(expected.getS());
      assertThat(actual.getV()).as("v of pair %d", i).isEqualTo(expected.getV());
    }
  }

  @Test
  void signatureRecoversTheSigner() throws Exception {
    ECKeyPair key = key(7);
    Sign.SignatureData signature = Secp256k1Signer.sign(hash(7), key.getPrivateKey());
    assertThat(Sign.signedMessageHashToKey(hash(7), signature)).isEqualTo(key.getPublicKey());
  }

  @Test
  void signsRawTransactionsAsTransactionEncoderDoes() {
    Credentials sender = Anvil.devCredentials(0);
    RawTransaction tx =
        RawTransaction.createTransaction(
            BigInteger.valueOf(42),
            BigInteger.valueOf(2_000_000_000L),
            BigInteger.valueOf(70_000),
            "0x5fbdb2315678afecb367f032d93f642f64180aa3",
            "0x1234");
    String expected =
        Numeric.toHexString(TransactionEncoder.signMessage(tx, Anvil.CHAIN_ID, sender));
    assertThat(EventGenerator.signed(tx, sender)).isEqualTo(expected);
  }

  @Test
  void refusesHashesOfTheWrongLength() {
    assertThatThrownBy(() -> Secp256k1Signer.sign(new byte[31], BigInteger.TWO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }
}
