package io.assent.node.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

class DatasetTallyKeysTest {

  @Test
  void aPurposeSetsGroupIsItsSortedDistinctTermsHashedWhetherRememberedOrNot() {
    byte[] expected =
        Arrays.copyOf(
            Hash.sha3("ai:ModelTraining\ndpv:Research".getBytes(StandardCharsets.UTF_8)), 8);

    byte[] first = DatasetTallyKeys.group(List.of("dpv:Research", "ai:ModelTraining"));
    byte[] again = DatasetTallyKeys.group(List.of("dpv:Research", "ai:ModelTraining"));
    byte[] otherOrder =
        DatasetTallyKeys.group(List.of("ai:ModelTraining", "dpv:Research", "ai:ModelTraining"));

    assertThat(first).isEqualTo(expected);
    assertThat(again).isEqualTo(expected).isNotSameAs(first);
    assertThat(otherOrder).isEqualTo(expected);
  }

  @Test
  void aCallerThatChangesTheGroupItGotChangesNoOtherCallers() {
    List<String> purposes = List.of("dpv:Marketing");
    byte[] first = DatasetTallyKeys.group(purposes);
    byte[] copy = first.clone();
    first[0] ^= 1;
    assertThat(DatasetTallyKeys.group(purposes)).isEqualTo(copy);
  }

  @Test
  void moreSetsThanItRemembersStillGetTheirOwnGroups() {
    List<byte[]> groups = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      groups.add(DatasetTallyKeys.group(List.of("x:purpose" + i)));
    }
    for (int i = 0; i < 5000; i += 499) {
      assertThat(DatasetTallyKeys.group(List.of("x:purpose" + i))).isEqualTo(groups.get(i));
    }
  }
}
