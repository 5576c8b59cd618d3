package io.assent.cli.did;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An http(s) URL with a host, e.g. {@code http://127.0.0.1:8080}. */
public final class UrlConverter implements ITypeConverter<URI> {

  @Override
  public URI convert(String value) {
    try {
      URI uri = new URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new TypeConversionException("'" + value + "' is not an http(s) URL");
  }
}
