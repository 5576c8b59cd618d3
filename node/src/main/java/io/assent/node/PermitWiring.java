package io.assent.node;

import io.assent.node.api.Blocking;
import io.assent.node.api.Endpoint;
import io.assent.node.api.GetConsentManifest;
import io.assent.node.api.GetDatasetPermits;
import io.assent.node.api.SiweAuth;
import io.assent.node.config.NodeConfig;
import io.assent.node.consent.DatasetConsents;
import io.assent.node.consent.SignerAuthority;
import io.assent.node.dataset.DatasetIndex;
import io.assent.node.dataset.license.LicensePolicy;
import io.assent.node.dataset.permit.PermitService;
import io.assent.node.identity.IdentityIndex;
import io.assent.node.store.KeyValueStore;
import java.time.Clock;
import java.util.List;

/**
 * The permits' part of the composition root (called by {@link DatasetWiring}): the permit service
 * over the dataset index, the bundled license policy and this node's consents, and the permit and
 * consent-manifest endpoints (the manifest for the dataset's curator, signed in with SIWE).
 */
final class PermitWiring {
  private PermitWiring() {}

  static List<Endpoint> endpoints(
      NodeConfig config, KeyValueStore store, DatasetIndex index, Blocking blocking) {
    LicensePolicy policy = LicensePolicy.bundled();
    DatasetConsents consents = new DatasetConsents(store);
    Clock clock = Clock.systemUTC();
    SiweAuth siwe =
        new SiweAuth(
            config.chain().chainId(), new SignerAuthority(new IdentityIndex(store)), clock);
    return List.of(
        new GetDatasetPermits(blocking, new PermitService(index, policy, consents), clock),
        new GetConsentManifest(blocking, index, policy, consents, siwe, clock));
  }
}
