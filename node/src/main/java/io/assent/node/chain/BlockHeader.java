package io.assent.node.chain;

/** The parts of a block header the follower needs. Hash lower-case 0x-hex. */
record BlockHeader(long number, String hash, long timestamp) {}
