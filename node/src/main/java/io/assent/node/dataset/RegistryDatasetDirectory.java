package io.assent.node.dataset;

import io.assent.node.consent.DatasetDirectory;
import java.util.Optional;

/**
 * The consent service's dataset directory when the node follows a dataset registry: a dataset takes
 * consents when this node's index holds its registration and no deprecation (both as of the
 * follower's confirmed head, K blocks behind the chain).
 */
public final class RegistryDatasetDirectory implements DatasetDirectory {
  private final DatasetIndex index;

  public RegistryDatasetDirectory(DatasetIndex index) {
    this.index = index;
  }

  @Override
  public Standing standing(String dataset) {
    Optional<DatasetRecord> record = index.get(dataset);
    if (record.isEmpty()) {
      return Standing.UNKNOWN;
    }
    return record.get().deprecated() ? Standing.DEPRECATED : Standing.OPEN;
  }
}
