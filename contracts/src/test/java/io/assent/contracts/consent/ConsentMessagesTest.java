package io.assent.contracts.consent;

import static io.assent.contracts.consent.ConsentFixtures.GRANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentMessagesTest {

  @Test
  void hexIsNormalizedSoEqualGrantsAreEqual() {
    assertThat(GRANT.subject()).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    assertThat(ConsentFixtures.grantWithPurposes(GRANT.purposes())).isEqualTo(GRANT);
    assertThat(ConsentFixtures.DOMAIN.verifyingContract())
        .isEqualTo("0x5fbdb2315678afecb367f032d93f642f64180aa3");
  }

  @Test
  void purposesMustBeOneToSixteenNonBlankTerms() {
    assertThatThrownBy(() -> ConsentFixtures.grantWithPurposes(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1..16");
    assertThatThrownBy(
            () -> ConsentFixtures.grantWithPurposes(Collections.nCopies(17, "ai:ModelTraining")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConsentFixtures.grantWithPurposes(List.of(" ")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ConsentFixtures.grantWithPurposes(Collections.nCopies(16, "a:b")).purposes())
        .hasSize(16);
  }

  @Test
  void purposesAreCopied() {
    List<String> purposes = new ArrayList<>(List.of("ai:ModelTraining"));
    ConsentGrant grant = ConsentFixtures.grantWithPurposes(purposes);
    purposes.add("dpv:Marketing");

    assertThat(grant.purposes()).containsExactly("ai:ModelTraining");
  }

  @Test
  void malformedFieldsAreRefusedWithTheFieldName() {
    assertThatThrownBy(() -> new ConsentWithdrawal("0x1234", GRANT.subject(), 1, GRANT.nonce()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("consentId");
    assertThatThrownBy(() -> new ConsentErasure(GRANT.nonce(), "0xabc", 1, GRANT.nonce()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subject");
    assertThatThrownBy(() -> new ConsentErasure(GRANT.nonce(), GRANT.subject(), -1, GRANT.nonce()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time");
    assertThatThrownBy(() -> Eip712Domain.assent(0, GRANT.subject()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chainId");
  }
}
