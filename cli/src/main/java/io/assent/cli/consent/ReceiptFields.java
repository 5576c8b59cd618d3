package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds a receipt's parts by name, shallowest first, wherever the receipt's JSON-LD shape puts them
 * ({@code credentialSubject}, {@code evidence}...). Each part may go by several names, in order of
 * preference (e.g. {@code merkleProof}, then {@code proof} — a VC's own {@code proof} is an object
 * or a list of objects, never a list of hashes). The record itself is opaque: it is only hashed,
 * never searched.
 */
final class ReceiptFields {

  private final JsonNode receipt;

  ReceiptFields(JsonNode receipt) {
    this.receipt = receipt;
  }

  /** The first node named one of {@code names}, breadth first, not descending into records. */
  Optional<JsonNode> find(String... names) {
    return find(receipt, n -> true, names);
  }

  /** Like {@link #find(String...)}, skipping nodes that {@code accept} refuses. */
  Optional<JsonNode> find(Predicate<JsonNode> accept, String... names) {
    return find(receipt, accept, names);
  }

  /**
   * Names in order of preference: the shallowest node named {@code names[0]}, else the shallowest
   * named {@code names[1]}, and so on.
   */
  static Optional<JsonNode> find(JsonNode root, Predicate<JsonNode> accept, String... names) {
    for (String name : names) {
      Optional<JsonNode> found = find(root, accept, name);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<JsonNode> find(JsonNode root, Predicate<JsonNode> accept, String name) {
    Deque<JsonNode> queue = new ArrayDeque<>();
    queue.add(root);
    while (!queue.isEmpty()) {
      JsonNode node = queue.poll();
      if (node.isObject()) {
        JsonNode value = node.get(name);
        if (value != null && !value.isNull() && accept.test(value)) {
          return Optional.of(value);
        }
        node.properties()
            .forEach(
                e -> {
                  if (!e.getKey().equals("record")) {
                    queue.add(e.getValue());
                  }
                });
      } else if (node.isArray()) {
        node.forEach(queue::add);
      }
    }
    return Optional.empty();
  }

  /** A text part, or empty. */
  Optional<String> text(String... names) {
    return find(names).filter(JsonNode::isValueNode).map(JsonNode::asText);
  }
}
