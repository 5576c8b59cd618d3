package io.assent.node.dataset;

import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueReader;
import io.assent.node.store.Segment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Breadth-first walk of the lineage DAG from one dataset: each dataset is visited once, at its
 * minimum depth (BFS reaches it first along a shortest path). The graph is acyclic by construction
 * (parents exist before their children), and the visited set would stop a cycle anyway.
 */
final class LineageWalk {
  private final DatasetIndex index;
  private final KeyValueReader store;

  LineageWalk(DatasetIndex index, KeyValueReader store) {
    this.index = index;
    this.store = store;
  }

  LineageGraph walk(String rootId, LineageDirection direction, int maxDepth) {
    if (maxDepth < 0) {
      throw new IllegalArgumentException("maxDepth must be >= 0, was " + maxDepth);
    }
    Optional<DatasetRecord> root = index.get(rootId);
    if (root.isEmpty()) {
      return new LineageGraph(rootId, direction, maxDepth, List.of(), List.of(), false);
    }
    byte side = direction == LineageDirection.ANCESTORS ? DatasetKeys.PARENT : DatasetKeys.CHILD;
    List<LineageNode> nodes = new ArrayList<>();
    List<LineageEdge> edges = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    ArrayDeque<LineageNode> queue = new ArrayDeque<>();
    boolean truncated = false;
    LineageNode first = new LineageNode(root.get(), 0);
    seen.add(root.get().id());
    nodes.add(first);
    queue.add(first);
    while (!queue.isEmpty()) {
      LineageNode node = queue.poll();
      List<String> neighbours = neighbours(side, node.dataset().id());
      if (node.depth() == maxDepth) {
        truncated |= !neighbours.isEmpty();
        continue;
      }
      for (String neighbour : neighbours) {
        String self = node.dataset().id();
        edges.add(
            side == DatasetKeys.PARENT
                ? new LineageEdge(neighbour, self)
                : new LineageEdge(self, neighbour));
        if (seen.add(neighbour)) {
          Optional<DatasetRecord> record = index.get(neighbour);
          if (record.isPresent()) {
            LineageNode next = new LineageNode(record.get(), node.depth() + 1);
            nodes.add(next);
            queue.add(next);
          }
        }
      }
    }
    return new LineageGraph(root.get().id(), direction, maxDepth, nodes, edges, truncated);
  }

  /** The parents ({@code 'P'}) or children ({@code 'C'}) of a dataset, in id order. */
  private List<String> neighbours(byte side, String id) {
    try (Stream<KeyValue> entries =
        store.stream(Segment.DATASET_LINEAGE, DatasetKeys.lineagePrefix(side, id))) {
      return entries.map(kv -> DatasetKeys.lineageTarget(kv.key())).toList();
    }
  }
}
