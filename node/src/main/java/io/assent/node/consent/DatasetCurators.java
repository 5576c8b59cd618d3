package io.assent.node.consent;

import java.util.Optional;

/**
 * Who curates a dataset: the identity (address) whose owner and {@code sigAuth} delegates may read
 * the dataset's consent records, receipts and manifest. The dataset index implements it; without a
 * dataset registry, {@link #NONE}: only subjects read their consents.
 */
@FunctionalInterface
public interface DatasetCurators {

  DatasetCurators NONE = dataset -> Optional.empty();

  /**
   * @param dataset the 32-byte dataset id, lower-case 0x-hex
   * @return the current curator's identity address, lower-case 0x-hex; empty for an unknown dataset
   */
  Optional<String> curatorOf(String dataset);
}
