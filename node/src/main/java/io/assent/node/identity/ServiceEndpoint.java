package io.assent.node.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * The {@code serviceEndpoint} of a {@code did/svc/<type>} attribute, read as the reference does:
 * the value's text parsed as JSON when it is JSON ({@code JSON.parse}), else the text itself.
 *
 * <p>JSON numbers become JavaScript numbers (IEEE doubles): an integral value below 1e21 is written
 * as an integer, anything else as a double, so that the output equals what {@code
 * JSON.stringify(JSON.parse(text))} gives up to number formatting.
 */
final class ServiceEndpoint {

  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final double INTEGER_LIMIT = 1e21;

  private ServiceEndpoint() {}

  static JsonNode of(String text) {
    if (text.startsWith("\uFEFF")) {
      return JsonNodeFactory.instance.textNode(text); // JSON.parse refuses a byte-order mark
    }
    try {
      JsonNode parsed = STRICT.readTree(text);
      if (parsed == null || parsed.isMissingNode()) {
        return JsonNodeFactory.instance.textNode(text);
      }
      return asJavaScript(parsed);
    } catch (JsonProcessingException e) {
      return JsonNodeFactory.instance.textNode(text);
    }
  }

  private static JsonNode asJavaScript(JsonNode node) {
    if (node.isNumber()) {
      return number(node.doubleValue());
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> out.add(asJavaScript(element)));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        out.set(field.getKey(), asJavaScript(field.getValue()));
      }
      return out;
    }
    return node;
  }

  private static JsonNode number(double value) {
    if (!Double.isFinite(value)) {
      return JsonNodeFactory.instance.nullNode(); // JSON.stringify(Infinity) is null
    }
    if (value == Math.rint(value) && Math.abs(value) < INTEGER_LIMIT) {
      // The shortest decimal that reads back as the double, as JavaScript prints it.
      BigInteger integer = new BigDecimal(Double.toString(value)).toBigInteger();
      return integer.bitLength() < 32
          ? JsonNodeFactory.instance.numberNode(integer.intValue())
          : integer.bitLength() < 64
              ? JsonNodeFactory.instance.numberNode(integer.longValue())
              : JsonNodeFactory.instance.numberNode(integer);
    }
    return JsonNodeFactory.instance.numberNode(value);
  }
}
