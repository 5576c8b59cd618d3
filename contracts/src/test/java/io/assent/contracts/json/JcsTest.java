package io.assent.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 8785 examples and the cases consent records and Croissant files use. */
class JcsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String jcs(String json) throws Exception {
    return Jcs.canonical(MAPPER.readTree(json));
  }

  @Test
  void sortsMembersByUtf16CodeUnitsAndDropsWhitespace() throws Exception {
    String json =
        "{\"b\": [1, {\"z\": null, \"a\": true}], \"a\": \"x\", \"\\u20ac\": 1, \"\\ud83d\\ude00\": 2, \"\\ufb33\": 3}";
    // U+1F600 (surrogates D83D DE00) sorts before U+FB33 in UTF-16 order, after it in code points.
    assertThat(jcs(json))
        .isEqualTo(
            "{\"a\":\"x\",\"b\":[1,{\"a\":true,\"z\":null}],\"€\":1,\"\uD83D\uDE00\":2,\"\uFB33\":3}");
  }

  @Test
  void sortsMembersRecursivelyAsInTheRfcExample() throws Exception {
    // RFC 8785 section 3.2.3's sorting example.
    String in =
        "{\"\\u20ac\":\"Euro\",\"\\ud83d\\ude00\":\"Smiley\",\"\\r\":\"CR\",\"1\":\"One\","
            + "\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin\",\"b\":{\"z\":1,\"a\":[2,{\"y\":0,\"x\":1}]}}";
    assertThat(new String(Jcs.canonicalize(MAPPER.readTree(in)), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"\\r\":\"CR\",\"1\":\"One\",\"b\":{\"a\":[2,{\"x\":1,\"y\":0}],\"z\":1},"
                + "\"\u0080\":\"Control\",\"ö\":\"Latin\",\"€\":\"Euro\",\"😀\":\"Smiley\"}");
  }

  @Test
  void escapesOnlyWhatJsonNeeds() throws Exception {
    assertThat(jcs("\"\\u0000\\u001f\\n\\\"\\\\/é\\u2028\""))
        .isEqualTo("\"\\u0000\\u001f\\n\\\"\\\\/é\u2028\"");
    assertThat(jcs("[\"a\\\"b\\\\c\\/d\\u0001\\n\\u007f\", true, null, -7]"))
        .isEqualTo("[\"a\\\"b\\\\c/d\\u0001\\n\u007f\",true,null,-7]");
  }

  @Test
  void numbersPrintAsEcmaScriptDoes() throws Exception {
    assertThat(Jcs.number(0.0)).isEqualTo("0");
    assertThat(Jcs.number(-0.0)).isEqualTo("0");
    assertThat(Jcs.number(1_700_000_000)).isEqualTo("1700000000");
    assertThat(Jcs.number(9007199254740991.0)).isEqualTo("9007199254740991");
    assertThat(Jcs.number(1e21)).isEqualTo("1e+21");
    assertThat(Jcs.number(1e20)).isEqualTo("100000000000000000000");
    assertThat(Jcs.number(0.000001)).isEqualTo("0.000001");
    assertThat(Jcs.number(1e-7)).isEqualTo("1e-7");
    assertThat(Jcs.number(-1.5)).isEqualTo("-1.5");
    assertThat(Jcs.number(333333333.33333329)).isEqualTo("333333333.3333333");
    assertThat(Jcs.number(4.5e-320)).isEqualTo("4.5e-320");
    assertThat(jcs("[1.0, 1.5, -7, 9007199254740991]")).isEqualTo("[1,1.5,-7,9007199254740991]");
  }

  @Test
  void integersBeyondADoublesPrecisionAreRoundedAsEcmaScriptDoes() throws Exception {
    assertThat(jcs("[9007199254740993, 123456789012345678901]"))
        .isEqualTo("[9007199254740992,123456789012345680000]");
  }

  @Test
  void infinityHasNoCanonicalForm() {
    assertThatThrownBy(() -> Jcs.number(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
