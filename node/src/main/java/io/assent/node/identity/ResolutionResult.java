package io.assent.node.identity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A DID resolution result. {@link #toJson()} gives the JSON the reference resolver returns, with
 * the same key order: {@code didDocumentMetadata, didResolutionMetadata, didDocument} on success,
 * {@code didResolutionMetadata, didDocumentMetadata, didDocument: null} on error.
 *
 * @param didDocument the document, or {@code null} on error
 * @param didDocumentMetadata {@code deactivated}, {@code versionId}, {@code updated}, {@code
 *     nextVersionId}, {@code nextUpdate} (each only when it applies)
 * @param didResolutionMetadata {@code contentType} on success; {@code error} and {@code message} on
 *     error
 */
public record ResolutionResult(
    ObjectNode didDocument, ObjectNode didDocumentMetadata, ObjectNode didResolutionMetadata) {

  static ResolutionResult error(ResolutionError error, String message) {
    ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    metadata.put("error", error.code());
    metadata.put("message", message);
    return new ResolutionResult(null, JsonNodeFactory.instance.objectNode(), metadata);
  }

  /** The error, if resolution failed. */
  public Optional<ResolutionError> error() {
    if (!didResolutionMetadata.has("error")) {
      return Optional.empty();
    }
    String code = didResolutionMetadata.get("error").asText();
    for (ResolutionError candidate : ResolutionError.values()) {
      if (candidate.code().equals(code)) {
        return Optional.of(candidate);
      }
    }
    throw new IllegalStateException("unknown error code " + code);
  }

  /** True when the DID was deactivated (the Universal Resolver answers 410 with this result). */
  public boolean deactivated() {
    return didDocumentMetadata.path("deactivated").asBoolean(false);
  }

  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    if (didDocument == null) {
      json.set("didResolutionMetadata", didResolutionMetadata.deepCopy());
      json.set("didDocumentMetadata", didDocumentMetadata.deepCopy());
      json.putNull("didDocument");
    } else {
      json.set("didDocumentMetadata", didDocumentMetadata.deepCopy());
      json.set("didResolutionMetadata", didResolutionMetadata.deepCopy());
      json.set("didDocument", didDocument.deepCopy());
    }
    return json;
  }
}
