package io.assent.node.consent;

import io.assent.node.store.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.web3j.crypto.Hash;

/**
 * Keys of the per-dataset consent summary in {@code CONSENT_INDEX} (next to the consent service's
 * {@code S}, {@code D}, {@code K} keys). A consent belongs to the purpose group of its exact
 * purpose set; groups are few per dataset, so a query for some purposes reads the groups that share
 * one of them.
 *
 * <ul>
 *   <li>{@code 'Q' ‖ dataset(32) ‖ group(8)} → held count(8) ‖ purposes (JSON); deleted with the
 *       group's last consent (erasure shreds purposes)
 *   <li>{@code 'E' ‖ dataset} → erased count(8), for the dataset as a whole (an erased consent's
 *       purposes are gone with it)
 *   <li>{@code 'T' ‖ dataset ‖ group ‖ level ‖ bucket} → {@link TimeTally} of active, expired and
 *       withdrawn consents over time
 *   <li>{@code 'A' ‖ dataset ‖ group ‖ level ‖ bucket} → {@link TimeTally} of the same events as
 *       {@code T}, for the group's anchored consents: held ones whose leaf has its proof ({@link
 *       io.assent.node.anchor.AnchorProofs#isAnchored})
 *   <li>{@code 'R' ‖ dataset ‖ group ‖ root(32)} → {@link RootSpan}: the roots holding the group's
 *       anchored consents, written by the anchorer only
 *   <li>{@code 'O' ‖ dataset ‖ group} → roots version(8): bumped by the anchorer in each
 *       transaction that changes the group's {@code R} entries, so that {@link AnchorRoots} can
 *       keep them in memory
 *   <li>{@code 'W' ‖ dataset ‖ id} → withdrawal time(8), 0 for an erased consent: consents
 *       withdrawn or erased here (kept after erasure: the id alone links to no one, and trainers
 *       must learn that it is gone)
 * </ul>
 *
 * <p>Writers: the consent service's commit thread writes Q, E, T, W; the anchorer's thread writes R
 * and O, and stores and deletes the proofs. Both change A in the transaction that changes a proof
 * or a held consent's events, holding the {@link SummaryWriters}, so that A always counts exactly
 * the held consents with a proof.
 *
 * <p>Schemas 1 and 2 also kept {@code 'U' ‖ dataset ‖ id(32)} for each consent not anchored yet:
 * the same fact as a missing proof, written and deleted once more per consent. Schema 3 dropped
 * them ({@link SummaryMigration#dropUnanchoredEntries}).
 */
final class DatasetTallyKeys {
  static final int GROUP_BYTES = 8;
  private static final byte GROUP = 'Q';
  private static final byte ERASED = 'E';
  private static final byte TIMES = 'T';
  private static final byte UNANCHORED = 'U';
  private static final byte ROOTS = 'R';
  private static final byte ROOTS_VERSION = 'O';
  private static final byte WITHDRAWN = 'W';
  private static final byte ANCHORED = 'A';

  /**
   * Purpose sets seen lately and their groups: consents mostly repeat a few sets, and the consent
   * service and the anchorer need the group of every consent they write. Emptied when full.
   */
  private static final int KNOWN_GROUPS_MAX = 4096;

  private static final Map<List<String>, byte[]> KNOWN_GROUPS = new ConcurrentHashMap<>();

  private DatasetTallyKeys() {}

  /** The group of a purpose set: 8 bytes of keccak256 over its sorted distinct terms. */
  static byte[] group(List<String> purposes) {
    byte[] known = KNOWN_GROUPS.get(purposes);
    if (known == null) {
      String joined = String.join("\n", new TreeSet<>(purposes));
      known = Arrays.copyOf(Hash.sha3(joined.getBytes(StandardCharsets.UTF_8)), GROUP_BYTES);
      if (KNOWN_GROUPS.size() >= KNOWN_GROUPS_MAX) {
        KNOWN_GROUPS.clear();
      }
      KNOWN_GROUPS.put(List.copyOf(purposes), known);
    }
    return known.clone();
  }

  static byte[] groups(byte[] dataset) {
    return Bytes.concat(new byte[] {GROUP}, dataset);
  }

  static byte[] group(byte[] dataset, byte[] group) {
    return Bytes.concat(new byte[] {GROUP}, dataset, group);
  }

  static byte[] erased(byte[] dataset) {
    return Bytes.concat(new byte[] {ERASED}, dataset);
  }

  static byte[] times(byte[] dataset, byte[] group) {
    return Bytes.concat(new byte[] {TIMES}, dataset, group);
  }

  /** The prefix of every dataset's time-tally keys. */
  static byte[] allTimes() {
    return new byte[] {TIMES};
  }

  /** The anchored-tally key of the same dataset, group, level and bucket as a time-tally key. */
  static byte[] anchoredOf(byte[] timesKey) {
    byte[] key = timesKey.clone();
    key[0] = ANCHORED;
    return key;
  }

  /** The prefix of every dataset's unanchored entries (schemas 1 and 2). */
  static byte[] unanchoredEntries() {
    return new byte[] {UNANCHORED};
  }

  static byte[] roots(byte[] dataset, byte[] group) {
    return Bytes.concat(new byte[] {ROOTS}, dataset, group);
  }

  static byte[] root(byte[] dataset, byte[] group, byte[] root) {
    return Bytes.concat(new byte[] {ROOTS}, dataset, group, root);
  }

  static byte[] rootsVersion(byte[] dataset, byte[] group) {
    return Bytes.concat(new byte[] {ROOTS_VERSION}, dataset, group);
  }

  static byte[] withdrawn(byte[] dataset) {
    return Bytes.concat(new byte[] {WITHDRAWN}, dataset);
  }

  static byte[] withdrawn(byte[] dataset, byte[] id) {
    return Bytes.concat(new byte[] {WITHDRAWN}, dataset, id);
  }

  static byte[] anchored(byte[] dataset, byte[] group) {
    return Bytes.concat(new byte[] {ANCHORED}, dataset, group);
  }

  /** The last {@code n} bytes of a key (the id or root it ends with). */
  static byte[] tail(byte[] key, int n) {
    return Arrays.copyOfRange(key, key.length - n, key.length);
  }
}
