package io.assent.node.dataset;

/** A lineage edge: {@code child} was registered with {@code parent} among its parents. */
public record LineageEdge(String parent, String child) {}
