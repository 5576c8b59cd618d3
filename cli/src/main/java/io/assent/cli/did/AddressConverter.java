package io.assent.cli.did;

import java.util.Locale;
import org.web3j.crypto.Keys;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An Ethereum address: 0x + 40 hex digits. Mixed case must carry a valid EIP-55 checksum (a typo in
 * a checksummed address is caught, not sent). Converted to lower case.
 */
public final class AddressConverter implements ITypeConverter<String> {

  @Override
  public String convert(String value) {
    if (!value.matches("0x[0-9a-fA-F]{40}")) {
      throw new TypeConversionException("'" + value + "' is not an address (0x + 40 hex digits)");
    }
    String hex = value.substring(2);
    boolean mixed =
        !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
    if (mixed && !Keys.toChecksumAddress(value).equals(value)) {
      throw new TypeConversionException("'" + value + "' has a bad EIP-55 checksum (a typo?)");
    }
    return value.toLowerCase(Locale.ROOT);
  }
}
