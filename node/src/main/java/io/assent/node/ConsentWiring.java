package io.assent.node;

import io.assent.node.api.Blocking;
import io.assent.node.api.CheckConsent;
import io.assent.node.api.DidParam;
import io.assent.node.api.Endpoint;
import io.assent.node.api.GetConsentPrivate;
import io.assent.node.api.GetConsentStatus;
import io.assent.node.api.ListSubjectConsents;
import io.assent.node.api.PostConsent;
import io.assent.node.api.PostConsentAction;
import io.assent.node.api.PostConsentBatch;
import io.assent.node.api.SiweAuth;
import io.assent.node.config.NodeConfig;
import io.assent.node.consent.ConsentService;
import io.assent.node.consent.DatasetCurators;
import io.assent.node.consent.DatasetDirectory;
import io.assent.node.consent.Eip712ConsentSignatures;
import io.assent.node.consent.ErasureCompactions;
import io.assent.node.consent.ErasureCompactor;
import io.assent.node.consent.SignerAuthority;
import io.assent.node.consent.SigningDomain;
import io.assent.node.consent.SummaryWriters;
import io.assent.node.identity.IdentityIndex;
import io.assent.node.relay.IdentityState;
import io.assent.node.store.KeyValueStore;
import java.time.Clock;
import java.util.List;

/**
 * The consent ledger's part of the composition root: the consent service, its signing domain,
 * Sign-In with Ethereum, and the consent endpoints. Without a ConsentAnchor address the write
 * endpoints answer consentsDisabled. Closing it stops the service's commit thread and the
 * compactions for erasures.
 */
final class ConsentWiring implements AutoCloseable {
  private final ConsentService consents;
  private final ErasureCompactor erasureCompactor;
  private final List<Endpoint> endpoints;

  /**
   * @param datasets which datasets take consents (see {@link DatasetWiring#directory()})
   * @param curators the datasets' curators, who may read their datasets' consent records
   * @param writers shared with the anchorer (see {@link Anchoring#create})
   */
  ConsentWiring(
      NodeConfig config,
      KeyValueStore store,
      DatasetDirectory datasets,
      Blocking blocking,
      DidParam didParam,
      DatasetCurators curators,
      Clock clock,
      SummaryWriters writers) {
    SignerAuthority authority = new SignerAuthority(new IdentityIndex(store));
    boolean takesConsents = config.consentAnchor() != null;
    Eip712ConsentSignatures signatures =
        new Eip712ConsentSignatures(
            new SigningDomain(
                config.chain().chainId(),
                takesConsents ? config.consentAnchor() : IdentityState.ZERO_ADDRESS));
    this.consents = new ConsentService(store, signatures, authority, datasets, clock, writers);
    this.erasureCompactor =
        ErasureCompactor.start(
            consents.erasureCompactions(), config.erasure().compactionInterval());
    SiweAuth siwe = new SiweAuth(config.chain().chainId(), authority, clock);
    this.endpoints =
        List.of(
            new PostConsent(blocking, didParam, consents, takesConsents),
            new PostConsentBatch(blocking, didParam, consents, takesConsents),
            PostConsentAction.withdrawal(blocking, didParam, consents, takesConsents),
            PostConsentAction.erasure(blocking, didParam, consents, takesConsents),
            new GetConsentStatus(blocking, consents),
            new CheckConsent(blocking, didParam, consents, clock),
            GetConsentPrivate.record(blocking, consents, siwe, curators),
            GetConsentPrivate.receipt(blocking, consents, siwe, curators, signatures),
            new ListSubjectConsents(blocking, didParam, consents, siwe));
  }

  /** The compactions the consent service's erasures owe (counted by {@code /v1/status}). */
  ErasureCompactions erasureCompactions() {
    return consents.erasureCompactions();
  }

  List<Endpoint> endpoints() {
    return endpoints;
  }

  @Override
  public void close() {
    erasureCompactor.close();
    consents.close();
  }
}
