package io.assent.testnet.bench;

import io.assent.node.anchor.AnchorProofs;
import io.assent.node.anchor.LeafAnchor;
import io.assent.node.consent.ConsentState;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Fills a node's store with consents in bulk, as the consent service and the anchorer would have
 * left them: {@code CONSENT_STATE[id]} (the service's state record), the subject and dataset
 * indexes, and for every other consent its anchor proof ({@code CONSENT_STATE['A' ‖ id]}, a 10-hash
 * proof as in a batch of 1,000). No encrypted record, nonce or digest index: {@code check} reads
 * none of them. The encoders are the node's own (package-private, called reflectively), so the
 * bytes are exactly what the node writes; signing and accepting a million grants through the API
 * would take longer than the benchmark budget (see the ingest rate).
 *
 * <p>Subject i (of {@code consents / perSubject}) has consents for datasets {@code i % datasets},
 * ... with purposes drawn from {@link #PURPOSES}; deterministic for a seed.
 */
final class ConsentFill {
  static final List<String> PURPOSES =
      List.of(
          "ai:ModelTraining", "dpv:ScientificResearch", "dpv:ServiceProvision", "ai:Evaluation");
  private static final int PER_TRANSACTION = 10_000;

  private final Method encodeState;
  private final Method storeAnchor;
  private final List<String> datasets;

  ConsentFill(List<String> datasets) throws ReflectiveOperationException {
    this.datasets = datasets;
    encodeState = ConsentState.class.getDeclaredMethod("encode");
    encodeState.setAccessible(true);
    storeAnchor =
        AnchorProofs.class.getDeclaredMethod(
            "store", Transaction.class, byte[].class, LeafAnchor.class);
    storeAnchor.setAccessible(true);
  }

  /** The subject address of subject number {@code i}. */
  static String subject(int i) {
    return Numeric.toHexStringWithPrefixZeroPadded(
        java.math.BigInteger.valueOf(0x5000_0000L + i), 40);
  }

  /** The dataset and purpose subject {@code i}'s first consent grants. */
  String firstDataset(int i) {
    return datasets.get(i % datasets.size());
  }

  void fill(KeyValueStore store, int consents, int perSubject, long now) throws Exception {
    Random random = new Random(42);
    Transaction tx = store.startTransaction();
    try {
      for (int n = 0; n < consents; n++) {
        int subjectNo = n / perSubject;
        int k = n % perSubject;
        String subject = subject(subjectNo);
        String dataset = datasets.get((subjectNo + k) % datasets.size());
        byte[] id = new byte[32];
        random.nextBytes(id);
        List<String> purposes = List.of(PURPOSES.get(0), PURPOSES.get(1 + (n % 3)));
        ConsentState state =
            new ConsentState(
                ConsentState.PENDING,
                subject,
                dataset,
                purposes,
                now - 86_400,
                now + 365 * 86_400L,
                now - 3600,
                Numeric.toHexString(Hash.sha3(id)),
                Numeric.toHexString(Hash.sha3(Hash.sha3(id))),
                null,
                0);
        tx.put(Segment.CONSENT_STATE, id, (byte[]) encodeState.invoke(state));
        byte[] subjectBytes = Numeric.hexStringToByteArray(subject);
        tx.put(Segment.CONSENT_INDEX, concat(new byte[] {'S'}, subjectBytes, id), new byte[0]);
        tx.put(
            Segment.CONSENT_INDEX,
            concat(new byte[] {'D'}, Numeric.hexStringToByteArray(dataset), id),
            new byte[0]);
        if (n % 2 == 0) {
          storeAnchor.invoke(null, tx, id, anchor(random, n));
        }
        if ((n + 1) % PER_TRANSACTION == 0) {
          tx.commit();
          tx.close();
          tx = store.startTransaction();
          if ((n + 1) % 100_000 == 0) {
            Bench.progress("filled %,d consents", n + 1);
          }
        }
      }
      tx.commit();
    } finally {
      tx.close();
    }
  }

  private static LeafAnchor anchor(Random random, int n) {
    List<byte[]> proof = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      byte[] h = new byte[32];
      random.nextBytes(h);
      proof.add(h);
    }
    byte[] root = new byte[32];
    random.nextBytes(root);
    byte[] txHash = new byte[32];
    random.nextBytes(txHash);
    return new LeafAnchor(
        Numeric.toHexString(root),
        n % 1000,
        proof,
        Numeric.toHexString(txHash),
        100 + n / 1000,
        Numeric.toHexString(Hash.sha3(txHash)));
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
