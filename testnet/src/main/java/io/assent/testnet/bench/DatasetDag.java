package io.assent.testnet.bench;

import io.assent.contracts.dataset.DatasetOperation;
import io.assent.contracts.dataset.DatasetRegistryClient;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.dataset.LineageDirection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A layered DAG of datasets registered on chain by one curator (dev account 0, its own DID's
 * owner): layer 0 has no parents; each dataset of layer L is derived from two datasets of layer L-1
 * drawn at random (seeded), so within a few layers an ancestor query fans out over whole layers: at
 * depth 100 it returns nearly every dataset.
 */
final class DatasetDag {
  private static final List<String> LICENSES =
      List.of("CC-BY-4.0", "MIT", "CC-BY-SA-4.0", "Apache-2.0 OR MIT", "CDLA-Permissive-2.0");
  private static final String DIGEST = "0x" + "ab".repeat(32);

  private final List<List<String>> layers;
  private final List<String> parentsInFirstLayer;

  private DatasetDag(List<List<String>> layers, List<String> parentsInFirstLayer) {
    this.layers = layers;
    this.parentsInFirstLayer = parentsInFirstLayer;
  }

  /** Registers every dataset, layer by layer; returns when the last registration is mined. */
  static DatasetDag register(DatasetRegistryClient registry, int layerCount, int width) {
    String curator = Anvil.devCredentials(BenchChain.RELAYER).getAddress();
    List<List<String>> layers = new ArrayList<>();
    Set<String> parentsInFirstLayer = new LinkedHashSet<>();
    Random random = new Random(42);
    String lastTx = null;
    for (int layer = 0; layer < layerCount; layer++) {
      List<String> ids = new ArrayList<>(width);
      for (int k = 0; k < width; k++) {
        List<String> parents =
            layer == 0
                ? List.of()
                : List.of(
                    layers.get(layer - 1).get(random.nextInt(width)),
                    layers.get(layer - 1).get(random.nextInt(width)));
        DatasetOperation.Register op =
            new DatasetOperation.Register(
                curator,
                "bench-" + layer + "-" + k,
                "1.0.0",
                DIGEST,
                DIGEST,
                "https://example.org/datasets/" + layer + "/" + k,
                LICENSES.get((layer + k) % LICENSES.size()),
                parents.stream().distinct().toList());
        if (layer == 1) {
          parentsInFirstLayer.addAll(op.parents());
        }
        lastTx = registry.submit(op);
        ids.add(op.datasetId());
      }
      layers.add(ids);
      if (layer % 10 == 9) {
        Bench.progress("registered %d layers", layer + 1);
      }
    }
    registry.awaitReceipt(lastTx);
    return new DatasetDag(layers, List.copyOf(parentsInFirstLayer));
  }

  /**
   * A random start: a dataset of the last layer for ancestors; for descendants, one of the first
   * layer that has children (random draws leave a few without).
   */
  String start(LineageDirection direction, Random random) {
    List<String> candidates =
        direction == LineageDirection.ANCESTORS
            ? layers.get(layers.size() - 1)
            : parentsInFirstLayer;
    return candidates.get(random.nextInt(candidates.size()));
  }
}
