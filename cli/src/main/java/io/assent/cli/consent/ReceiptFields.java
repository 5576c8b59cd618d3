package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds a receipt's parts by name, shallowest first, wherever the receipt's JSON-LD shape puts them
 * ({@code credentialSubject}, {@code evidence}...). Each part may go by several names (e.g. {@code
 * transactionHash} or {@code txHash}); the first name found at the shallowest depth wins. The
 * record itself is opaque: it is only hashed, never searched.
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

  static Optional<JsonNode> find(JsonNode root, Predicate<JsonNode> accept, String... names) {
    Deque<JsonNode> queue = new ArrayDeque<>();
    queue.add(root);
    while (!queue.isEmpty()) {
      JsonNode node = queue.poll();
      if (node.isObject()) {
        for (String name : names) {
          if (node.has(name) && !node.get(name).isNull() && accept.test(node.get(name))) {
            return Optional.of(node.get(name));
          }
        }
        node.fields()
            .forEachRemaining(
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
