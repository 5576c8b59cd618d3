package io.assent.cli.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.cli.Output;
import org.junit.jupiter.api.Test;

/** RFC 8785 examples and the cases consent records use. */
class JcsTest {

  @Test
  void sortsMembersByUtf16CodeUnitsAndDropsWhitespace() throws Exception {
    String json =
        "{\"b\": [1, {\"z\": null, \"a\": true}], \"a\": \"x\", \"\\u20ac\": 1, \"\\ud83d\\ude00\": 2, \"\\ufb33\": 3}";
    // U+1F600 (surrogates D83D DE00) sorts before U+FB33 in UTF-16 order, after it in code points.
    assertThat(Jcs.canonical(Output.JSON.readTree(json)))
        .isEqualTo(
            "{\"a\":\"x\",\"b\":[1,{\"a\":true,\"z\":null}],\"€\":1,\"\uD83D\uDE00\":2,\"\uFB33\":3}");
  }

  @Test
  void escapesOnlyWhatJsonNeeds() throws Exception {
    String json = "\"\\u0000\\u001f\\n\\\"\\\\/é\\u2028\"";
    assertThat(Jcs.canonical(Output.JSON.readTree(json)))
        .isEqualTo("\"\\u0000\\u001f\\n\\\"\\\\/é\u2028\"");
  }

  @Test
  void numbersPrintAsEcmaScriptDoes() {
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
  }
}
