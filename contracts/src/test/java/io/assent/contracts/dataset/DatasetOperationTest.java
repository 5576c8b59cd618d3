package io.assent.contracts.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetOperationTest {

  private static final String ID = "0x" + "Ab".repeat(32);

  @Test
  void typesAreTheRelayNames() {
    assertThat(DatasetFixtures.REGISTER.type()).isEqualTo("register");
    assertThat(new DatasetOperation.UpdateLicense(ID, "MIT").type()).isEqualTo("updateLicense");
    assertThat(new DatasetOperation.Deprecate(ID, "").type()).isEqualTo("deprecate");
    assertThat(new DatasetOperation.TransferCuratorship(ID, DatasetFixtures.CURATOR).type())
        .isEqualTo("transferCuratorship");
  }

  @Test
  void hexIsLowerCasedAndTheRegistrationKnowsItsId() {
    var op = new DatasetOperation.UpdateLicense(ID, "MIT");
    DatasetOperation.Register r = DatasetFixtures.REGISTER;

    assertThat(op.dataset()).isEqualTo(ID.toLowerCase());
    assertThat(op.datasetId()).isEqualTo(ID.toLowerCase());
    assertThat(r.datasetId()).isEqualTo(DatasetIds.of(r.curator(), r.name(), r.version()));
  }

  @Test
  void parentsAreCopiedAndChecked() {
    List<String> parents = new ArrayList<>(List.of(ID));
    DatasetOperation.Register r = DatasetFixtures.withParents(DatasetFixtures.REGISTER, parents);
    parents.add("0x" + "00".repeat(32));

    assertThat(r.parents()).containsExactly(ID.toLowerCase());
    assertThatThrownBy(() -> DatasetFixtures.withParents(DatasetFixtures.REGISTER, List.of("0x12")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parent");
    assertThatThrownBy(() -> DatasetFixtures.withParents(DatasetFixtures.REGISTER, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void malformedFieldsAreNamed() {
    assertThatThrownBy(() -> new DatasetOperation.UpdateLicense("0x12", "MIT"))
        .hasMessageContaining("dataset");
    assertThatThrownBy(() -> new DatasetOperation.UpdateLicense(ID, null))
        .hasMessageContaining("license");
    assertThatThrownBy(() -> new DatasetOperation.TransferCuratorship(ID, "bob"))
        .hasMessageContaining("newCurator");
  }
}
