package io.assent.testnet.bench;

import io.assent.node.anchor.AnchorProofs;
import io.assent.node.anchor.LeafAnchor;
import io.assent.node.anchor.ProofPlace;
import io.assent.node.consent.AnchoringTally;
import io.assent.node.consent.ConsentState;
import io.assent.node.consent.SummaryWriters;
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
 * Fills a store with N consents for ONE dataset, as the consent service and the anchorer would have
 * left them, including the per-dataset summary they keep: for each consent its state, the dataset
 * index entry, the summary's counters (the service's own hook and its per-commit tally batch,
 * called reflectively: they are package-private) and, for all but the last batch, its anchor proof
 * and the anchorer's hooks. Validity windows spread over two years (a third without end), one in
 * twenty withdrawn: the time counters hold many distinct times, as a real dataset's would.
 */
final class PermitFill {
  static final List<String> PURPOSES =
      List.of("ai:ModelTraining", "dpv:ScientificResearch", "dpv:Derive");
  static final int BATCH = 1_000;

  /** The newest consents, not anchored yet (a batch filling up). */
  static final int PENDING_TAIL = 1_000;

  private static final int PER_TRANSACTION = 10_000;
  private static final long DAY = 86_400;

  private final Method encodeState;
  private final Method storeAnchor;
  private final Method encodeAnchor;
  private final Method acceptanceOf;
  private final Method accepted;
  private final Method withdrawn;
  private final Object tallies;
  private final Method writeTallies;
  private final AnchoringTally anchoring = new AnchoringTally(new SummaryWriters());

  PermitFill() throws ReflectiveOperationException {
    encodeState = ConsentState.class.getDeclaredMethod("encode");
    storeAnchor =
        AnchorProofs.class.getDeclaredMethod(
            "store", Transaction.class, byte[].class, ProofPlace.class, byte[].class);
    encodeAnchor = LeafAnchor.class.getDeclaredMethod("encode");
    Class<?> tally = Class.forName("io.assent.node.consent.DatasetTally");
    Class<?> batch = Class.forName("io.assent.node.consent.TallyBatch");
    Class<?> acceptance = Class.forName("io.assent.node.consent.DatasetTally$Acceptance");
    acceptanceOf = acceptance.getDeclaredMethod("of", ConsentState.class);
    accepted = tally.getDeclaredMethod("accepted", batch, acceptance);
    withdrawn =
        tally.getDeclaredMethod(
            "withdrawn", Transaction.class, batch, byte[].class, ConsentState.class, long.class);
    writeTallies = batch.getDeclaredMethod("writeTo", Transaction.class);
    for (Method m :
        List.of(
            encodeState,
            storeAnchor,
            encodeAnchor,
            acceptanceOf,
            accepted,
            withdrawn,
            writeTallies)) {
      m.setAccessible(true);
    }
    var constructor = batch.getDeclaredConstructor();
    constructor.setAccessible(true);
    tallies = constructor.newInstance();
  }

  /** Fills; the last {@link #PENDING_TAIL} (and a last partial batch) stay pending. */
  void fill(KeyValueStore store, String dataset, int consents, long now) throws Exception {
    Random random = new Random(42);
    List<byte[]> batch = new ArrayList<>();
    Transaction tx = store.startTransaction();
    try {
      for (int n = 0; n < consents; n++) {
        byte[] id = new byte[32];
        random.nextBytes(id);
        ConsentState state = state(random, dataset, n, now);
        tx.put(Segment.CONSENT_STATE, id, (byte[]) encodeState.invoke(state));
        tx.put(
            Segment.CONSENT_INDEX,
            concat(new byte[] {'D'}, Numeric.hexStringToByteArray(dataset), id),
            new byte[0]);
        accepted.invoke(null, tallies, acceptanceOf.invoke(null, state));
        if (n % 20 == 6) {
          long time = state.validFrom() + random.nextLong(400 * DAY);
          withdrawn.invoke(null, tx, tallies, id, state, time);
          tx.put(Segment.CONSENT_STATE, id, (byte[]) encodeState.invoke(withdrawal(state, time)));
        }
        if (n < consents - PENDING_TAIL) {
          batch.add(id);
        }
        if (batch.size() == BATCH) {
          anchor(tx, batch, random, n / BATCH);
          batch.clear();
        }
        if ((n + 1) % PER_TRANSACTION == 0) {
          writeTallies.invoke(tallies, tx);
          anchoring.beforeCommit(tx);
          tx.commit();
          tx.close();
          tx = store.startTransaction();
          if ((n + 1) % 100_000 == 0) {
            Bench.progress("filled %,d consents", n + 1);
          }
        }
      }
      writeTallies.invoke(tallies, tx);
      anchoring.beforeCommit(tx);
      tx.commit();
    } finally {
      tx.close();
    }
  }

  private static ConsentState state(Random random, String dataset, int n, long now) {
    long from = now - random.nextLong(365 * DAY);
    long until = n % 3 == 0 ? 0 : from + DAY + random.nextLong(730 * DAY);
    List<String> purposes =
        n % 4 == 3 ? List.of(PURPOSES.get(1)) : List.of(PURPOSES.get(0), PURPOSES.get(1 + n % 2));
    byte[] seed = Numeric.toBytesPadded(java.math.BigInteger.valueOf(n), 32);
    return new ConsentState(
        ConsentState.PENDING,
        Numeric.toHexStringWithPrefixZeroPadded(java.math.BigInteger.valueOf(0x5000_0000L + n), 40),
        dataset,
        purposes,
        from,
        until,
        from,
        Numeric.toHexString(Hash.sha3(seed)),
        null,
        0,
        n); // the slot: as the node's, the acceptance order
  }

  private static ConsentState withdrawal(ConsentState s, long time) {
    return new ConsentState(
        s.status(),
        s.subject(),
        s.dataset(),
        s.purposes(),
        s.validFrom(),
        s.validUntil(),
        s.acceptedAt(),
        s.grantNonce(),
        new ConsentState.Withdrawal(time, s.grantNonce(), Hash.sha3(s.grantNonce())),
        0,
        s.slot());
  }

  /** One anchored batch: a random root and 10-hash proofs (the summary reads neither). */
  private void anchor(Transaction tx, List<byte[]> leaves, Random random, int batchNo)
      throws Exception {
    byte[] root = new byte[32];
    random.nextBytes(root);
    byte[] txHash = Hash.sha3(root);
    for (int i = 0; i < leaves.size(); i++) {
      List<byte[]> proof = new ArrayList<>();
      for (int k = 0; k < 10; k++) {
        byte[] h = new byte[32];
        random.nextBytes(h);
        proof.add(h);
      }
      LeafAnchor anchor =
          new LeafAnchor(
              Numeric.toHexString(root),
              i,
              proof,
              Numeric.toHexString(txHash),
              100 + batchNo,
              Numeric.toHexString(Hash.sha3(txHash)));
      // As the anchorer: the summary first, which says where the proof goes.
      ProofPlace place = anchoring.anchored(tx, leaves.get(i), anchor).orElseThrow();
      storeAnchor.invoke(null, tx, leaves.get(i), place, encodeAnchor.invoke(anchor));
    }
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
