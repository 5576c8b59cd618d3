package io.assent.node.dataset;

import java.util.List;

/**
 * The part of the lineage DAG within {@code maxDepth} edges of {@code root}, walked one way.
 *
 * @param nodes each dataset once, at its minimum depth, in breadth-first order (root first, depth
 *     0; within a depth in the order they were reached, neighbours in id order)
 * @param edges every edge between a node above {@code maxDepth} and its neighbour in the walk
 *     direction, in the order they were walked; always parent → child, whatever the direction
 * @param truncated true when some node at {@code maxDepth} has further neighbours that were not
 *     walked
 */
public record LineageGraph(
    String root,
    LineageDirection direction,
    int maxDepth,
    List<LineageNode> nodes,
    List<LineageEdge> edges,
    boolean truncated) {

  public LineageGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }
}
