package io.assent.node.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Endpoint values as {@code JSON.stringify(JSON.parse(text))} gives them, or else the text. */
class ServiceEndpointTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("https://a.example/", "\"https://a.example/\""),
        Arguments.of("  {\"a\":1}\n", "{\"a\":1}"),
        Arguments.of("{\"a\":1,\"b\":2,\"a\":3}", "{\"a\":3,\"b\":2}"),
        Arguments.of("1.0", "1"),
        Arguments.of("-0", "0"),
        Arguments.of("1e3", "1000"),
        Arguments.of("1.5", "1.5"),
        Arguments.of("12345678901234567890", "12345678901234567000"),
        Arguments.of("[1,true,null,\"x\"]", "[1,true,null,\"x\"]"),
        Arguments.of("null", "null"),
        Arguments.of("{\"a\":1} x", "\"{\\\"a\\\":1} x\""),
        Arguments.of("{'a':1}", "\"{'a':1}\""),
        Arguments.of("01", "\"01\""),
        Arguments.of("NaN", "\"NaN\""),
        Arguments.of(" ", "\" \""),
        Arguments.of("", "\"\""),
        Arguments.of("\uFEFF1", "\"\uFEFF1\""),
        Arguments.of("[1e999]", "[null]"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void parsesLikeJavaScript(String text, String json) {
    assertThat(ServiceEndpoint.of(text).toString()).isEqualTo(json);
  }
}
