package io.assent.node.dataset;

/**
 * A dataset in a lineage graph.
 *
 * @param depth its shortest distance from the root in edges (the root is 0)
 */
public record LineageNode(DatasetRecord dataset, int depth) {}
