package io.assent.cli.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lineage answer ({@code GET /v1/datasets/{id}/lineage}) as an indented tree, root first: under
 * each dataset its parents (ancestors) or children (descendants), each with its license. A dataset
 * reached again by another path (a diamond) is printed again but not expanded twice.
 */
final class LineageTree {

  private final Map<String, JsonNode> nodes = new LinkedHashMap<>();
  private final Map<String, List<String>> next = new HashMap<>();
  private final Set<String> expanded = new HashSet<>();
  private final StringBuilder text = new StringBuilder();

  private LineageTree(JsonNode lineage) {
    boolean ancestors = !"descendants".equals(lineage.path("direction").asText());
    lineage.path("nodes").forEach(n -> nodes.put(n.path("id").asText(), n));
    for (JsonNode edge : lineage.path("edges")) {
      String parent = edge.path("parent").asText();
      String child = edge.path("child").asText();
      String from = ancestors ? child : parent;
      String to = ancestors ? parent : child;
      next.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
    }
  }

  static String render(JsonNode lineage) {
    LineageTree tree = new LineageTree(lineage);
    String root = lineage.path("root").asText();
    tree.text.append(tree.describe(root)).append('\n');
    tree.expanded.add(root);
    tree.children(root, "");
    if (lineage.path("truncated").asBoolean(false)) {
      tree.text
          .append("(truncated at depth ")
          .append(lineage.path("depth").asText("?"))
          .append("; raise --depth to see more)\n");
    }
    return tree.text.toString().stripTrailing();
  }

  private void children(String id, String indent) {
    List<String> children = next.getOrDefault(id, List.of());
    for (int i = 0; i < children.size(); i++) {
      String child = children.get(i);
      boolean last = i == children.size() - 1;
      text.append(indent).append(last ? "└── " : "├── ").append(describe(child));
      if (!expanded.add(child)) {
        text.append(next.containsKey(child) ? "  (see above)" : "").append('\n');
        continue;
      }
      text.append('\n');
      children(child, indent + (last ? "    " : "│   "));
    }
  }

  private String describe(String id) {
    JsonNode node = nodes.get(id);
    return node == null ? id : DatasetText.oneLine(node);
  }
}
