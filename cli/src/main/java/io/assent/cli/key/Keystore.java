package io.assent.cli.key;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assent.cli.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.crypto.exception.CipherException;
import org.web3j.protocol.ObjectMapperFactory;

/**
 * A directory of Ethereum V3 keystore files, one per key, named {@code <alias>.json}. Files are
 * written with mode 0600 (the directory 0700), first to a temporary name and then moved, so a crash
 * never leaves half a key under its alias.
 */
public final class Keystore {

  private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final ObjectMapper MAPPER = ObjectMapperFactory.getObjectMapper();

  private final Path dir;

  public Keystore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** The keys, by alias. Files that are not V3 keystores are skipped. */
  public List<KeyEntry> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<KeyEntry> entries = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path file : files) {
        readEntry(file).ifPresent(entries::add);
      }
    } catch (IOException e) {
      throw new CliException("keystoreError", "cannot read keystore " + dir + ": " + e);
    }
    entries.sort(Comparator.comparing(KeyEntry::name));
    return entries;
  }

  /** The key with this alias or address. */
  public KeyEntry find(String nameOrAddress) {
    boolean isAddress = ADDRESS.matcher(nameOrAddress).matches();
    String wanted = nameOrAddress.toLowerCase(Locale.ROOT);
    return list().stream()
        .filter(e -> isAddress ? e.address().equals(wanted) : e.name().equals(nameOrAddress))
        .findFirst()
        .orElseThrow(
            () ->
                new CliException(
                    "keyNotFound",
                    "no key '"
                        + nameOrAddress
                        + "' in keystore "
                        + dir
                        + " (see 'assent key list')"));
  }

  /** Generates a key pair and stores it under {@code name}. */
  public KeyEntry create(String name, String password, Kdf kdf) {
    checkNew(name, null);
    try {
      return add(name, kdf.encrypt(password, org.web3j.crypto.Keys.createEcKeyPair()));
    } catch (CipherException | java.security.GeneralSecurityException e) {
      throw new CliException("keystoreError", "cannot create a key: " + e.getMessage(), e);
    }
  }

  /** Encrypts {@code keyPair} with {@code password} and stores it under {@code name}. */
  public KeyEntry importKey(String name, ECKeyPair keyPair, String password, Kdf kdf) {
    checkNew(name, addressOf(keyPair));
    try {
      return add(name, kdf.encrypt(password, keyPair));
    } catch (CipherException e) {
      throw new CliException("keystoreError", "cannot encrypt the key: " + e.getMessage(), e);
    }
  }

  /**
   * Stores an existing V3 keystore file under {@code name} after checking that {@code password}
   * opens it; the file keeps its own encryption.
   */
  public KeyEntry importFile(String name, Path file, String password) {
    WalletFile wallet = readWallet(file);
    ECKeyPair keyPair = decrypt(wallet, password, file.toString());
    String address = addressOf(keyPair);
    checkNew(name, address);
    wallet.setAddress(address.substring(2));
    return add(name, wallet);
  }

  /** Decrypts the key. Wrong password: {@code wrongPassword}. */
  public Credentials unlock(KeyEntry entry, String password) {
    return Credentials.create(decrypt(readWallet(entry.file()), password, "key " + entry.label()));
  }

  /** The keystore file's JSON, as stored. */
  public String json(KeyEntry entry) {
    try {
      return Files.readString(entry.file(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException("keystoreError", "cannot read " + entry.file() + ": " + e);
    }
  }

  public void delete(KeyEntry entry) {
    try {
      Files.delete(entry.file());
    } catch (IOException e) {
      throw new CliException("keystoreError", "cannot delete " + entry.file() + ": " + e);
    }
  }

  /** Checks a new alias: well-formed, unused, and (if given) the address not stored already. */
  public void checkNew(String name, String address) {
    if (!ALIAS.matcher(name).matches()) {
      throw new CliException(
          "invalidArgument",
          "bad key name '" + name + "': use letters, digits, '.', '_' or '-' (at most 64)");
    }
    for (KeyEntry existing : list()) {
      if (existing.name().equals(name)) {
        throw new CliException("keyExists", "a key named '" + name + "' exists already");
      }
      if (existing.address().equals(address)) {
        throw new CliException(
            "keyExists",
            "key " + address + " is in the keystore already as '" + existing.name() + "'");
      }
    }
  }

  private KeyEntry add(String name, WalletFile wallet) {
    Path target = dir.resolve(name + ".json");
    try {
      createPrivateDir();
      Path temp =
          Files.createTempFile(
              dir,
              "." + name,
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        Files.writeString(temp, MAPPER.writeValueAsString(wallet), StandardCharsets.UTF_8);
        Files.move(temp, target);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (FileAlreadyExistsException e) {
      throw new CliException("keyExists", "a key named '" + name + "' exists already");
    } catch (IOException e) {
      throw new CliException("keystoreError", "cannot write " + target + ": " + e, e);
    }
    return new KeyEntry(name, "0x" + wallet.getAddress().toLowerCase(Locale.ROOT), target);
  }

  private void createPrivateDir() throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
  }

  private static Optional<KeyEntry> readEntry(Path file) {
    try {
      JsonNode json = MAPPER.readTree(file.toFile());
      String address = json.path("address").asText("");
      if (!json.has("crypto") || !address.matches("(0x)?[0-9a-fA-F]{40}")) {
        return Optional.empty();
      }
      String name = file.getFileName().toString();
      return Optional.of(
          new KeyEntry(
              name.substring(0, name.length() - ".json".length()),
              "0x" + address.replaceFirst("^0x", "").toLowerCase(Locale.ROOT),
              file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static WalletFile readWallet(Path file) {
    try {
      return MAPPER.readValue(file.toFile(), WalletFile.class);
    } catch (IOException e) {
      throw new CliException(
          "badKeyFile", "cannot read " + file + " as a V3 keystore file: " + e.getMessage(), e);
    }
  }

  private static ECKeyPair decrypt(WalletFile wallet, String password, String what) {
    try {
      return Wallet.decrypt(password, wallet);
    } catch (CipherException e) {
      if (String.valueOf(e.getMessage()).contains("Invalid password")) {
        throw new CliException("wrongPassword", "wrong password for " + what);
      }
      throw new CliException("badKeyFile", "cannot decrypt " + what + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new CliException("badKeyFile", "cannot decrypt " + what + ": " + e.getMessage(), e);
    }
  }

  private static String addressOf(ECKeyPair keyPair) {
    return "0x" + org.web3j.crypto.Keys.getAddress(keyPair);
  }
}
