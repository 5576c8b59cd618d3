package io.assent.cli.consent;

import io.assent.cli.AssentCommand;
import io.assent.cli.did.SignerOptions;
import io.assent.cli.key.KeyEntry;
import io.assent.cli.key.Keystore;
import io.assent.cli.key.PasswordOptions;
import io.assent.contracts.did.DidEthr;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;
import picocli.CommandLine.ArgGroup;

/**
 * A consent command that signs with a key from the keystore, for the key's own DID or {@code
 * --did}. The key is unlocked here and never leaves this process.
 */
abstract class SignedCommand extends AssentCommand {

  /** The unlocked key and the subject it acts for. */
  record Signer(KeyEntry key, DidEthr subject, Credentials credentials) {

    /**
     * The key's public half in SEC 1 uncompressed form, {@code 0x04 ‖ x ‖ y}: sent beside a
     * signature so the node verifies it against this key instead of recovering it.
     */
    String publicKey() {
      return "0x04"
          + Numeric.toHexStringNoPrefixZeroPadded(credentials.getEcKeyPair().getPublicKey(), 128);
    }
  }

  @ArgGroup(validate = false, heading = "%nSigner:%n")
  SignerOptions signer = new SignerOptions();

  @ArgGroup(validate = false, heading = "%nPassword of the key:%n")
  PasswordOptions password = new PasswordOptions();

  @ArgGroup(validate = false, heading = "%nNode:%n")
  NodeOptions nodeOptions = new NodeOptions();

  /** Finds the key, names the subject on the node's chain, and unlocks the key. */
  Signer unlock(ConsentApi api) {
    Keystore keystore = signer.keystore();
    KeyEntry key = signer.key(keystore);
    DidEthr subject = signer.identity(key, api.domain().chainId(), api.networkNames());
    String secret =
        password.read(context(), this::typed, "Password for key " + key.name() + ": ", false);
    return new Signer(key, subject, keystore.unlock(key, secret));
  }

  LocalConsents local() {
    return new LocalConsents(context());
  }
}
