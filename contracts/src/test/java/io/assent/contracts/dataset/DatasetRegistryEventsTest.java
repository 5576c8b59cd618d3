package io.assent.contracts.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.DefaultFunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Decoding of the registry's logs: logs recorded from a real registry on anvil, logs encoded here
 * by web3j's ABI encoder (an independent implementation), and malformed logs that must be refused.
 */
class DatasetRegistryEventsTest {

  private static final String ACTOR = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  private static final String ID =
      "0x19d256bca91a96437740817b97e4141997a59979cacab4347f2a2b86771102a3";
  private static final String ACTOR_TOPIC = "0x" + "00".repeat(12) + ACTOR.substring(2);

  // Recorded from DatasetRegistry on anvil (curator = actor = dev account 1).
  private static final List<String> REAL_REGISTERED_TOPICS =
      List.of(
          "0xa9a819aec2170ff1257e944167e5f47750b9417cec1e5c92b25ffa8baf07388b", ID, ACTOR_TOPIC);
  private static final String REAL_REGISTERED_DATA =
      "0x00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8"
          + "0000000000000000000000000000000000000000000000000000000000000100"
          + "0000000000000000000000000000000000000000000000000000000000000140"
          + "aa".repeat(32)
          + "bb".repeat(32)
          + "0000000000000000000000000000000000000000000000000000000000000180"
          + "00000000000000000000000000000000000000000000000000000000000001c0"
          + "0000000000000000000000000000000000000000000000000000000000000200"
          + "0000000000000000000000000000000000000000000000000000000000000013"
          + "73706565636820c2b720c3bc6ec3af636f646500000000000000000000000000"
          + "0000000000000000000000000000000000000000000000000000000000000003"
          + "322e300000000000000000000000000000000000000000000000000000000000"
          + "000000000000000000000000000000000000000000000000000000000000000b"
          + "697066733a2f2f62616679000000000000000000000000000000000000000000"
          + "0000000000000000000000000000000000000000000000000000000000000011"
          + "43432d42592d342e3020414e44204d4954000000000000000000000000000000"
          + "0000000000000000000000000000000000000000000000000000000000000001"
          + "d5189f56bf34c2453a8f4ebb3471787c7803c37311f2a34d7491abc17e5bc8be";
  private static final String REAL_LICENSE_DATA =
      "0x00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8"
          + "0000000000000000000000000000000000000000000000000000000000000040"
          + "000000000000000000000000000000000000000000000000000000000000000c"
          + "43432d42592d4e432d342e300000000000000000000000000000000000000000";

  @Test
  void topicsAreTheKeccakOfTheDesignsEventSignatures() {
    assertThat(DatasetRegistryEvents.REGISTERED_TOPIC)
        .isEqualTo(
            Hash.sha3String(
                "DatasetRegistered(bytes32,address,address,string,string,bytes32,bytes32,string,string,bytes32[])"))
        .isEqualTo(REAL_REGISTERED_TOPICS.get(0));
    assertThat(DatasetRegistryEvents.LICENSE_CHANGED_TOPIC)
        .isEqualTo("0x107b7606540d57a4504a39dca225f38cf0bcfe9639953ee0b0567b9cf88c0e20");
    assertThat(DatasetRegistryEvents.CURATOR_CHANGED_TOPIC)
        .isEqualTo("0x5361f2eb6228810002bac61aab1dae531ce4ef5a19c32dd768cb24e46a2ea202");
    assertThat(DatasetRegistryEvents.DEPRECATED_TOPIC)
        .isEqualTo("0xe6274eee52b1141d2394b8c7d3f1a092487bd9b52e70abea662214d0b63b41ff");
    assertThat(DatasetRegistryEvents.TOPICS).hasSize(4).doesNotHaveDuplicates();
  }

  @Test
  void decodesRealLogs() {
    assertThat(DatasetRegistryEvents.decode(REAL_REGISTERED_TOPICS, REAL_REGISTERED_DATA))
        .contains(
            new DatasetEvent.Registered(
                ID,
                ACTOR,
                ACTOR,
                "speech · ünïcode",
                "2.0",
                "0x" + "aa".repeat(32),
                "0x" + "bb".repeat(32),
                "ipfs://bafy",
                "CC-BY-4.0 AND MIT",
                List.of("0xd5189f56bf34c2453a8f4ebb3471787c7803c37311f2a34d7491abc17e5bc8be")));
    assertThat(
            DatasetRegistryEvents.decode(
                List.of(DatasetRegistryEvents.LICENSE_CHANGED_TOPIC, ID), REAL_LICENSE_DATA))
        .contains(new DatasetEvent.LicenseChanged(ID, ACTOR, "CC-BY-NC-4.0"));
    assertThat(
            DatasetRegistryEvents.decode(
                List.of(
                    DatasetRegistryEvents.CURATOR_CHANGED_TOPIC,
                    ID,
                    "0x0000000000000000000000003c44cdddb6a900fa2b585dd299e03d12fa4293bc"),
                "0x" + ACTOR_TOPIC.substring(2)))
        .contains(
            new DatasetEvent.CuratorChanged(
                ID, "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc", ACTOR));
  }

  @Test
  void decodesLogsEncodedByWeb3j() {
    List<String> parents = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      parents.add(Numeric.toHexStringWithPrefixZeroPadded(java.math.BigInteger.valueOf(i), 64));
    }
    var expected =
        new DatasetEvent.Registered(
            ID,
            ACTOR,
            "0x" + "ef".repeat(20),
            "",
            "v",
            "0x" + "01".repeat(32),
            "0x" + "02".repeat(32),
            "x".repeat(100),
            "LicenseRef-Custom",
            parents);
    String data =
        encode(
            new Address(expected.actor()),
            new Utf8String(expected.name()),
            new Utf8String(expected.version()),
            new Bytes32(Numeric.hexStringToByteArray(expected.contentDigest())),
            new Bytes32(Numeric.hexStringToByteArray(expected.metadataDigest())),
            new Utf8String(expected.metadataUri()),
            new Utf8String(expected.license()),
            new DynamicArray<>(
                Bytes32.class,
                parents.stream().map(p -> new Bytes32(Numeric.hexStringToByteArray(p))).toList()));

    assertThat(DatasetRegistryEvents.decode(REAL_REGISTERED_TOPICS, data)).contains(expected);
    assertThat(
            DatasetRegistryEvents.decode(
                List.of(
                    DatasetRegistryEvents.DEPRECATED_TOPIC.toUpperCase().replace("0X", "0x"), ID),
                encode(new Address(ACTOR), new Utf8String("superseded ✓"))))
        .contains(new DatasetEvent.Deprecated(ID, ACTOR, "superseded ✓"));
  }

  @Test
  void refusesLogsThatCannotComeFromTheRegistry() {
    String licenseTopic = DatasetRegistryEvents.LICENSE_CHANGED_TOPIC;
    String dirty = "0x01" + REAL_LICENSE_DATA.substring(4);
    String farOffset =
        REAL_LICENSE_DATA.substring(0, 66)
            + "00".repeat(31)
            + "ff"
            + REAL_LICENSE_DATA.substring(130);
    String hugeLength =
        REAL_LICENSE_DATA.substring(0, 130)
            + "7f"
            + "ff".repeat(31)
            + REAL_LICENSE_DATA.substring(194);
    List<List<String>> badTopics =
        List.of(
            List.of(),
            List.of(licenseTopic),
            List.of(licenseTopic, ID, ID),
            List.of(Hash.sha3String("Other(bytes32)"), ID),
            List.of(licenseTopic, "0x1234"));

    for (List<String> topics : badTopics) {
      assertThat(DatasetRegistryEvents.decode(topics, REAL_LICENSE_DATA))
          .as("%s", topics)
          .isEmpty();
    }
    for (String data :
        List.of(
            dirty,
            farOffset,
            hugeLength,
            REAL_LICENSE_DATA.substring(0, 200),
            "0x",
            "0xz1",
            "0x1")) {
      assertThat(DatasetRegistryEvents.decode(List.of(licenseTopic, ID), data)).as(data).isEmpty();
    }
    String lastParentCut = REAL_REGISTERED_DATA.substring(0, REAL_REGISTERED_DATA.length() - 64);
    assertThat(DatasetRegistryEvents.decode(REAL_REGISTERED_TOPICS, lastParentCut)).isEmpty();
    List<String> dirtyCurator =
        List.of(REAL_REGISTERED_TOPICS.get(0), ID, "0x01" + ACTOR_TOPIC.substring(4));
    assertThat(DatasetRegistryEvents.decode(dirtyCurator, REAL_REGISTERED_DATA)).isEmpty();
    assertThat(
            DatasetRegistryEvents.decode(
                List.of(DatasetRegistryEvents.CURATOR_CHANGED_TOPIC, ID, ACTOR_TOPIC),
                "0x" + ACTOR_TOPIC.substring(2) + "00".repeat(32)))
        .as("CuratorChanged has exactly one data word")
        .isEmpty();
    assertThat(DatasetRegistryEvents.decode(null, REAL_LICENSE_DATA)).isEmpty();
    assertThat(DatasetRegistryEvents.decode(List.of(licenseTopic, ID), null)).isEmpty();
  }

  private static String encode(Type<?>... values) {
    return "0x" + new DefaultFunctionEncoder().encodeParameters(List.of(values));
  }
}
