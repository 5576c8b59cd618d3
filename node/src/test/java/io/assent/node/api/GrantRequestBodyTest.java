package io.assent.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link GrantRequestBody} against the OpenAPI validator built from openapi.yaml: the same verdict
 * on every body of a corpus of valid and broken requests, so the hand-written check and the
 * document cannot drift apart.
 */
class GrantRequestBodyTest {
  private static Vertx vertx;
  private static Validator schema;
  private static Validator batchSchema;

  @BeforeAll
  static void contract() {
    vertx = Vertx.vertx();
    OpenAPIContract contract =
        OpenAPIContract.from(vertx, ApiServer.validationContract(ApiServer.openApiDocument()))
            .await();
    schema =
        contract.getSchemaRepository().validator(bodySchema(contract, PostConsent.OPERATION_ID));
    batchSchema =
        contract
            .getSchemaRepository()
            .validator(bodySchema(contract, PostConsentBatch.OPERATION_ID));
  }

  private static JsonSchema bodySchema(OpenAPIContract contract, String operationId) {
    return contract
        .operation(operationId)
        .getRequestBody()
        .getContent()
        .get("application/json")
        .getSchema();
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  private static JsonObject valid() {
    return new JsonObject()
        .put(
            "grant",
            new JsonObject()
                .put("subject", "did:ethr:dev:0x" + "12".repeat(20))
                .put("dataset", "0x" + "d5".repeat(32))
                .put("purposes", new JsonArray().add("ai:ModelTraining").add("dpv:Research"))
                .put("processing", "dpv:Use")
                .put("legalBasis", "dpv:Consent")
                .put("noticeDigest", "0x" + "AB".repeat(32))
                .put("noticeVersion", "v3")
                .put("jurisdiction", "EU")
                .put("validFrom", 1_700_000_000L)
                .put("validUntil", 0)
                .put("nonce", "0x" + "0f".repeat(32)))
        .put("signature", "0x" + "11".repeat(64) + "1b");
  }

  /** The bodies of the corpus, by name; each a mutation of {@link #valid()}, as JSON text. */
  private static Map<String, String> corpus() {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("valid", valid().encode());
    for (String member : valid().getJsonObject("grant").fieldNames()) {
      bodies.put("no " + member, grant(g -> g.remove(member)));
      for (Object wrong : wrongTypes()) {
        bodies.put(member + " = " + Json.encode(wrong), grant(g -> g.put(member, wrong)));
      }
    }
    for (String member : List.of("grant", "signature")) {
      bodies.put("no " + member, top(t -> t.remove(member)));
      for (Object wrong : wrongTypes()) {
        bodies.put(member + " = " + Json.encode(wrong), top(t -> t.put(member, wrong)));
      }
    }
    bodies.put("unknown in grant", grant(g -> g.put("extra", 1)));
    bodies.put("unknown at top", top(t -> t.put("extra", "x")));
    bodies.put("unknown null at top", top(t -> t.putNull("extra")));
    for (long seconds : new long[] {-1, 0, 1, 9_007_199_254_740_991L, 9_007_199_254_740_992L}) {
      bodies.put("validFrom " + seconds, grant(g -> g.put("validFrom", seconds)));
    }
    bodies.put("validUntil 1.5", grant(g -> g.put("validUntil", 1.5)));
    for (String number : List.of("1e3", "5.0", "1.5e0", "-0.0", "99999999999999999999", "1e400")) {
      bodies.put(
          "validUntil " + number,
          valid().encode().replace("\"validUntil\":0", "\"validUntil\":" + number));
    }
    for (String field : List.of("dataset", "noticeDigest", "nonce")) {
      bodies.put(field + " short", grant(g -> g.put(field, "0x" + "ab".repeat(31))));
      bodies.put(field + " long", grant(g -> g.put(field, "0x" + "ab".repeat(33))));
      bodies.put(field + " no 0x", grant(g -> g.put(field, "ab".repeat(33))));
      bodies.put(field + " 0X", grant(g -> g.put(field, "0X" + "ab".repeat(32))));
      bodies.put(field + " not hex", grant(g -> g.put(field, "0x" + "ag".repeat(32))));
      bodies.put(field + " fullwidth", grant(g -> g.put(field, "0x" + "\uff11".repeat(64))));
      bodies.put(field + " upper", grant(g -> g.put(field, "0x" + "CD".repeat(32))));
    }
    bodies.put("signature short", top(t -> t.put("signature", "0x" + "11".repeat(64))));
    bodies.put("signature long", top(t -> t.put("signature", "0x" + "11".repeat(66))));
    bodies.put("signature not hex", top(t -> t.put("signature", "0x" + "1z".repeat(65))));
    signerKeys(bodies);
    text(bodies, "subject", 256);
    text(bodies, "processing", 128);
    text(bodies, "legalBasis", 128);
    text(bodies, "noticeVersion", 128);
    text(bodies, "jurisdiction", 64);
    purposes(bodies);
    bodies.put("array body", "[1,2]");
    bodies.put("null body", "null");
    bodies.put("string body", "\"grant\"");
    bodies.put("number body", "42");
    return bodies;
  }

  /** The optional signerKey: SEC 1 encodings, uncompressed (04) or compressed (02, 03). */
  private static void signerKeys(Map<String, String> bodies) {
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("04", "0x04" + "ab".repeat(64));
    keys.put("04 upper", "0x04" + "AB".repeat(64));
    keys.put("02", "0x02" + "ab".repeat(32));
    keys.put("03", "0x03" + "ab".repeat(32));
    keys.put("05", "0x05" + "ab".repeat(32));
    keys.put("04 compressed length", "0x04" + "ab".repeat(32));
    keys.put("02 uncompressed length", "0x02" + "ab".repeat(64));
    keys.put("04 short", "0x04" + "ab".repeat(63));
    keys.put("no 0x", "04" + "ab".repeat(64));
    keys.put("not hex", "0x04" + "ag".repeat(64));
    keys.put("null", null);
    for (Object wrong : wrongTypes()) {
      keys.put(Json.encode(wrong), wrong);
    }
    for (Map.Entry<String, Object> key : keys.entrySet()) {
      bodies.put("signerKey " + key.getKey(), top(t -> t.put("signerKey", key.getValue())));
    }
  }

  private static List<Object> wrongTypes() {
    List<Object> wrong = new ArrayList<>();
    wrong.add(7);
    wrong.add("7");
    wrong.add(true);
    wrong.add(new JsonArray());
    wrong.add(new JsonObject());
    return wrong;
  }

  /** Lengths around the limits, counted in characters (an emoji is one, two UTF-16 units). */
  private static void text(Map<String, String> bodies, String field, int max) {
    for (int n : new int[] {0, 1, max, max + 1}) {
      bodies.put(field + " x" + n, grant(g -> g.put(field, "a".repeat(n))));
    }
    bodies.put(field + " emoji x" + max, grant(g -> g.put(field, "\ud83d\ude00".repeat(max))));
    bodies.put(
        field + " emoji x" + (max + 1), grant(g -> g.put(field, "\ud83d\ude00".repeat(max + 1))));
  }

  private static void purposes(Map<String, String> bodies) {
    for (int n : new int[] {0, 1, 16, 17}) {
      JsonArray items = new JsonArray();
      for (int i = 0; i < n; i++) {
        items.add("p" + i);
      }
      bodies.put("purposes x" + n, grant(g -> g.put("purposes", items)));
    }
    for (Object item :
        List.of("", "a".repeat(128), "a".repeat(129), 3, "\ud83d\ude00".repeat(128))) {
      bodies.put(
          "purpose " + Json.encode(item), grant(g -> g.put("purposes", new JsonArray().add(item))));
    }
    bodies.put("purpose null", grant(g -> g.put("purposes", new JsonArray().addNull())));
  }

  private static String grant(Consumer<JsonObject> change) {
    JsonObject body = valid();
    change.accept(body.getJsonObject("grant"));
    return body.encode();
  }

  private static String top(Consumer<JsonObject> change) {
    JsonObject body = valid();
    change.accept(body);
    return body.encode();
  }

  private static boolean schemaAccepts(String json) {
    return schema.validate(Json.decodeValue(json)).getValid();
  }

  private static boolean readerAccepts(String json) {
    try {
      GrantRequestBody.read("application/json", Buffer.buffer(json));
      return true;
    } catch (ApiException e) {
      assertThat(e.error()).isEqualTo(ApiError.INVALID_REQUEST);
      return false;
    }
  }

  @Test
  void sameVerdictAsTheOpenApiSchemaOnEveryBodyOfTheCorpus() {
    Map<String, String> bodies = corpus();
    List<String> disagreements = new ArrayList<>();
    int accepted = 0;
    for (Map.Entry<String, String> body : bodies.entrySet()) {
      boolean expected = schemaAccepts(body.getValue());
      accepted += expected ? 1 : 0;
      if (readerAccepts(body.getValue()) != expected) {
        disagreements.add(body.getKey() + " (schema " + (expected ? "accepts" : "refuses") + ")");
      }
    }
    assertThat(disagreements).isEmpty();
    // The corpus exercises both verdicts, many times each.
    assertThat(accepted).isGreaterThan(10);
    assertThat(bodies.size() - accepted).isGreaterThan(100);
  }

  @Test
  void aBatchAsAWholeGetsTheSameVerdictAsTheOpenApiSchema() {
    JsonArray fifty = new JsonArray();
    for (int i = 0; i < PostConsentBatch.MAX_GRANTS; i++) {
      fifty.add(valid());
    }
    Map<String, Object> bodies = new LinkedHashMap<>();
    bodies.put("one grant", new JsonObject().put("grants", new JsonArray().add(valid())));
    bodies.put("fifty grants", new JsonObject().put("grants", fifty));
    bodies.put("fifty-one", new JsonObject().put("grants", fifty.copy().add(valid())));
    bodies.put("no grants", new JsonObject().put("grants", new JsonArray()));
    bodies.put(
        "bad items (each answered alone)",
        new JsonObject().put("grants", new JsonArray().add(1).add("x")));
    bodies.put("grants an object", new JsonObject().put("grants", valid()));
    bodies.put(
        "another member", new JsonObject().put("grants", new JsonArray().add(valid())).put("x", 1));
    bodies.put("empty object", new JsonObject());
    bodies.put("an array", new JsonArray().add(valid()));
    bodies.put("a string", "grants");
    List<String> disagreements = new ArrayList<>();
    for (Map.Entry<String, Object> body : bodies.entrySet()) {
      boolean expected = batchSchema.validate(body.getValue()).getValid();
      boolean read;
      try {
        GrantRequestBody.batch(
            "application/json",
            Buffer.buffer(Json.encode(body.getValue())),
            PostConsentBatch.MAX_GRANTS);
        read = true;
      } catch (ApiException e) {
        assertThat(e.error()).isEqualTo(ApiError.INVALID_REQUEST);
        read = false;
      }
      if (read != expected) {
        disagreements.add(body.getKey() + " (schema " + (expected ? "accepts" : "refuses") + ")");
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void anItemOfABatchIsCheckedAsASingleBodyWithPointersIntoTheBatch() {
    assertThat(GrantRequestBody.item(valid(), "/grants/3")).isEqualTo(valid());
    JsonObject broken = valid();
    broken.getJsonObject("grant").put("validFrom", "soon");
    assertThatThrownBy(() -> GrantRequestBody.item(broken, "/grants/3"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.detail()).isEqualTo("/grants/3/grant/validFrom must be an integer"));
    assertThatThrownBy(() -> GrantRequestBody.item(new JsonArray(), "/grants/0"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.detail()).isEqualTo("/grants/0 must be an object"));
  }

  @Test
  void aTrailingLineFeedInAPatternIsRefused() {
    String body = grant(g -> g.put("nonce", "0x" + "ab".repeat(32) + "\n"));
    assertThat(readerAccepts(body)).isFalse();
  }

  @Test
  void onlyJsonBodiesAreRead() {
    Buffer body = Buffer.buffer(valid().encode());
    assertThat(GrantRequestBody.read("application/json; charset=utf-8", body)).isEqualTo(valid());
    assertThat(GrantRequestBody.read("Application/JSON", body)).isEqualTo(valid());
    for (String type : new String[] {null, "text/plain", "application/jsonx", "application/xml"}) {
      assertThatThrownBy(() -> GrantRequestBody.read(type, body))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_REQUEST));
    }
    for (String text : new String[] {"", "{not json", "{\"grant\":"}) {
      assertThatThrownBy(() -> GrantRequestBody.read("application/json", Buffer.buffer(text)))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_REQUEST));
    }
  }
}
