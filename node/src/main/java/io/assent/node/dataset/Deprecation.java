package io.assent.node.dataset;

/** A dataset's deprecation: final, the registry accepts no change after it. */
public record Deprecation(String reason, ChainRef at) {}
