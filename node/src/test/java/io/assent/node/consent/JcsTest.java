package io.assent.node.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JcsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String jcs(String json) throws Exception {
    return new String(Jcs.canonicalize(MAPPER.readTree(json)), StandardCharsets.UTF_8);
  }

  @Test
  void sortsMembersByUtf16CodeUnitsRecursively() throws Exception {
    // RFC 8785 section 3.2.3's sorting example: code units, so U+1F600 (0xD83D 0xDE00) sorts
    // after U+20AC although code points would sort it the same way only by accident.
    String in =
        "{\"\\u20ac\":\"Euro\",\"\\ud83d\\ude00\":\"Smiley\",\"\\r\":\"CR\",\"1\":\"One\","
            + "\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin\",\"b\":{\"z\":1,\"a\":[2,{\"y\":0,\"x\":1}]}}";
    assertThat(jcs(in))
        .isEqualTo(
            "{\"\\r\":\"CR\",\"1\":\"One\",\"b\":{\"a\":[2,{\"x\":1,\"y\":0}],\"z\":1},"
                + "\"\u0080\":\"Control\",\"ö\":\"Latin\",\"€\":\"Euro\",\"😀\":\"Smiley\"}");
  }

  @Test
  void escapesOnlyWhatJsonStringifyEscapes() throws Exception {
    assertThat(jcs("[\"a\\\"b\\\\c\\/d\\u0001\\n\\u007f\", true, null, -7]"))
        .isEqualTo("[\"a\\\"b\\\\c/d\\u0001\\n\u007f\",true,null,-7]");
  }

  @Test
  void refusesNumbersItCannotWriteExactly() {
    assertThatThrownBy(() -> jcs("[1.5]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> jcs("[9007199254740993]"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
