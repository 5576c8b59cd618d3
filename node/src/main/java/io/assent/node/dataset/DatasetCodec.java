package io.assent.node.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of {@code DATASETS} and {@code DATASET_HISTORY}: compact binary, format version 1,
 * integers big-endian, {@code text} = length (4) ‖ UTF-8, hex fields as their raw bytes.
 *
 * <pre>
 * chainRef   block (8) ‖ blockHash (32) ‖ txHash (32) ‖ logIndex (4) ‖ timestamp (8) ‖ actor (20)
 *
 * DATASETS   version (1) = 1 ‖ id (32) ‖ curator (20) ‖ name text ‖ version text
 *            ‖ contentDigest (32) ‖ metadataDigest (32) ‖ metadataUri text ‖ license text
 *            ‖ parent count (2) ‖ parents (32 each) ‖ registered chainRef
 *            ‖ 0 | 1 ‖ licenseChanged chainRef if 1
 *            ‖ 0 | 1 ‖ reason text ‖ deprecation chainRef if 1
 *
 * HISTORY    version (1) = 1 ‖ type (1) ‖ chainRef ‖ per type:
 *            1 registered: curator (20) ‖ license text;  2 licenseChanged: license text;
 *            3 deprecated: reason text;  4 curatorChanged: curator (20)
 * </pre>
 *
 * A reader refuses any other version instead of guessing.
 */
final class DatasetCodec {
  static final int VERSION = 1;
  private static final int REGISTERED = 1;
  private static final int LICENSE_CHANGED = 2;
  private static final int DEPRECATED = 3;
  private static final int CURATOR_CHANGED = 4;

  private DatasetCodec() {}

  static byte[] encode(DatasetRecord r) {
    ValueWriter out =
        new ValueWriter()
            .u8(VERSION)
            .hex(r.id(), 32)
            .hex(r.curator(), 20)
            .text(r.name())
            .text(r.version())
            .hex(r.contentDigest(), 32)
            .hex(r.metadataDigest(), 32)
            .text(r.metadataUri())
            .text(r.license())
            .u16(r.parents().size());
    r.parents().forEach(parent -> out.hex(parent, 32));
    write(out, r.registered());
    out.u8(r.licenseChanged() == null ? 0 : 1);
    if (r.licenseChanged() != null) {
      write(out, r.licenseChanged());
    }
    out.u8(r.deprecation() == null ? 0 : 1);
    if (r.deprecation() != null) {
      out.text(r.deprecation().reason());
      write(out, r.deprecation().at());
    }
    return out.toBytes();
  }

  static DatasetRecord decodeRecord(byte[] value) {
    ValueReader in = versioned(value);
    String id = in.hex(32);
    String curator = in.hex(20);
    String name = in.text();
    String version = in.text();
    String contentDigest = in.hex(32);
    String metadataDigest = in.hex(32);
    String metadataUri = in.text();
    String license = in.text();
    int parentCount = in.u16();
    List<String> parents = new ArrayList<>(parentCount);
    for (int i = 0; i < parentCount; i++) {
      parents.add(in.hex(32));
    }
    ChainRef registered = chainRef(in);
    ChainRef licenseChanged = in.u8() == 1 ? chainRef(in) : null;
    Deprecation deprecation = in.u8() == 1 ? new Deprecation(in.text(), chainRef(in)) : null;
    in.end();
    return new DatasetRecord(
        id,
        curator,
        name,
        version,
        contentDigest,
        metadataDigest,
        metadataUri,
        license,
        parents,
        registered,
        licenseChanged,
        deprecation);
  }

  static byte[] encode(DatasetHistoryEntry e) {
    ValueWriter out = new ValueWriter().u8(VERSION).u8(typeCode(e.type()));
    write(out, e.at());
    switch (e.type()) {
      case DatasetHistoryEntry.REGISTERED -> out.hex(e.curator(), 20).text(e.license());
      case DatasetHistoryEntry.LICENSE_CHANGED -> out.text(e.license());
      case DatasetHistoryEntry.DEPRECATED -> out.text(e.reason());
      default -> out.hex(e.curator(), 20);
    }
    return out.toBytes();
  }

  static DatasetHistoryEntry decodeHistory(byte[] value) {
    ValueReader in = versioned(value);
    int type = in.u8();
    ChainRef at = chainRef(in);
    DatasetHistoryEntry entry =
        switch (type) {
          case REGISTERED -> {
            String curator = in.hex(20);
            yield new DatasetHistoryEntry(
                DatasetHistoryEntry.REGISTERED, at, in.text(), curator, null);
          }
          case LICENSE_CHANGED ->
              new DatasetHistoryEntry(
                  DatasetHistoryEntry.LICENSE_CHANGED, at, in.text(), null, null);
          case DEPRECATED ->
              new DatasetHistoryEntry(DatasetHistoryEntry.DEPRECATED, at, null, null, in.text());
          case CURATOR_CHANGED ->
              new DatasetHistoryEntry(
                  DatasetHistoryEntry.CURATOR_CHANGED, at, null, in.hex(20), null);
          default -> throw new IllegalStateException("unknown dataset history type " + type);
        };
    in.end();
    return entry;
  }

  private static int typeCode(String type) {
    return switch (type) {
      case DatasetHistoryEntry.REGISTERED -> REGISTERED;
      case DatasetHistoryEntry.LICENSE_CHANGED -> LICENSE_CHANGED;
      case DatasetHistoryEntry.DEPRECATED -> DEPRECATED;
      case DatasetHistoryEntry.CURATOR_CHANGED -> CURATOR_CHANGED;
      default -> throw new IllegalArgumentException("unknown dataset history type " + type);
    };
  }

  private static ValueReader versioned(byte[] value) {
    ValueReader in = new ValueReader(value);
    int version = in.u8();
    if (version != VERSION) {
      throw new IllegalStateException("unknown dataset value format version " + version);
    }
    return in;
  }

  private static void write(ValueWriter out, ChainRef ref) {
    out.i64(ref.blockNumber())
        .hex(ref.blockHash(), 32)
        .hex(ref.txHash(), 32)
        .i32(ref.logIndex())
        .i64(ref.timestamp())
        .hex(ref.actor(), 20);
  }

  private static ChainRef chainRef(ValueReader in) {
    return new ChainRef(in.i64(), in.hex(32), in.hex(32), in.i32(), in.i64(), in.hex(20));
  }
}
