package io.assent.node.api;

import io.vertx.core.json.JsonObject;

/** Resolution results for failures found before the resolver runs (Accept, options). */
final class ResolutionResultJson {
  private ResolutionResultJson() {}

  static String error(String code, String message) {
    return new JsonObject()
        .put("didResolutionMetadata", new JsonObject().put("error", code).put("message", message))
        .put("didDocumentMetadata", new JsonObject())
        .putNull("didDocument")
        .encode();
  }
}
