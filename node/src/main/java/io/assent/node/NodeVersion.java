package io.assent.node;

import picocli.CommandLine.IVersionProvider;

/** The node's version, from the jar manifest (the Maven project version). */
public final class NodeVersion implements IVersionProvider {

  public static String version() {
    String v = NodeVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"assent-node " + version()};
  }
}
