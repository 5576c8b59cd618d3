package io.assent.node.dataset;

/** Which way a lineage query walks: towards parents or towards children. */
public enum LineageDirection {
  ANCESTORS,
  DESCENDANTS
}
