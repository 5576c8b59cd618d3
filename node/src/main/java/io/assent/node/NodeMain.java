package io.assent.node;

/** Entry point of the node. */
public final class NodeMain {
  private NodeMain() {}

  public static void main(String[] args) {
    throw new UnsupportedOperationException("not yet wired");
  }
}
