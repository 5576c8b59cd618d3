package io.assent.cli.key;

import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.crypto.exception.CipherException;

/**
 * The scrypt cost a new keystore file is encrypted with. {@code standard} (N=2^18, p=1: about 256
 * MiB and a second or so per unlock) is what wallets use and what an attacker with the file must
 * pay per password guess. {@code light} (N=2^12, p=6) unlocks about 60 times faster, so a stolen
 * file is as many times cheaper to brute-force: meant for tests and throwaway script keys.
 */
public enum Kdf {
  STANDARD,
  LIGHT;

  WalletFile encrypt(String password, ECKeyPair keyPair) throws CipherException {
    return this == LIGHT
        ? Wallet.createLight(password, keyPair)
        : Wallet.createStandard(password, keyPair);
  }
}
