package io.assent.node.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.node.consent.SignerAuthority.Role;
import io.assent.node.identity.IdentityIndex;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

class SignerAuthorityTest {
  private final ConsentFixture f = new ConsentFixture();
  private final SignerAuthority authority = new SignerAuthority(new IdentityIndex(f.store));
  private final String identity = ConsentFixture.key(1).getAddress();
  private final String other = ConsentFixture.key(2).getAddress();
  private final String delegate = ConsentFixture.key(3).getAddress();
  private static final long NOW = ConsentFixture.NOW;

  @Test
  void anIdentityWithoutEventsIsOwnedByItself() {
    assertThat(authority.role(identity, identity, NOW)).isEqualTo(Role.OWNER);
    assertThat(authority.role(identity, other, NOW)).isEqualTo(Role.NONE);
  }

  @Test
  void afterAnOwnerChangeOnlyTheNewOwnerSigns() {
    f.inBlock().changeOwner(identity, other);
    assertThat(authority.role(identity, other, NOW)).isEqualTo(Role.OWNER);
    assertThat(authority.role(identity, identity, NOW)).isEqualTo(Role.NONE);
  }

  @Test
  void delegatesAreValidUntilTheirValidTo() {
    f.inBlock().delegate(identity, "sigAuth", delegate, NOW + 100);
    assertThat(authority.role(identity, delegate, NOW)).isEqualTo(Role.SIG_AUTH);
    assertThat(authority.role(identity, delegate, NOW + 100)).isEqualTo(Role.SIG_AUTH);
    assertThat(authority.role(identity, delegate, NOW + 101)).isEqualTo(Role.NONE);
  }

  @Test
  void veriKeyDelegatesMayGrantButNotAuthenticate() {
    f.inBlock().delegate(identity, "veriKey", delegate, NOW + 100);
    Role role = authority.role(identity, delegate, NOW);
    assertThat(role).isEqualTo(Role.VERI_KEY);
    assertThat(role.mayGrant()).isTrue();
    assertThat(role.mayAuthenticate()).isFalse();
  }

  @Test
  void aRevokedDelegateIsRefused() {
    f.inBlock().delegate(identity, "sigAuth", delegate, NOW + 1000);
    f.inBlock().delegate(identity, "sigAuth", delegate, NOW - 1);
    assertThat(authority.role(identity, delegate, NOW)).isEqualTo(Role.NONE);
  }

  @Test
  void otherDelegateTypesDoNotSign() {
    f.inBlock().delegate(identity, "enc", delegate, NOW + 1000);
    assertThat(authority.role(identity, delegate, NOW)).isEqualTo(Role.NONE);
  }

  @Test
  void aDeactivatedIdentityHasNoSigner() {
    Credentials owner = ConsentFixture.key(1);
    f.inBlock().changeOwner(identity, "0x0000000000000000000000000000000000000000");
    assertThat(authority.role(identity, owner.getAddress(), NOW)).isEqualTo(Role.DEACTIVATED);
    assertThat(Role.DEACTIVATED.mayGrant()).isFalse();
  }
}
