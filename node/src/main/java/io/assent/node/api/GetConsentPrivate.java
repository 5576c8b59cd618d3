package io.assent.node.api;

import io.assent.node.anchor.LeafAnchor;
import io.assent.node.consent.ConsentService;
import io.assent.node.consent.DatasetCurators;
import io.assent.node.consent.Eip712ConsentSignatures;
import io.assent.node.consent.StoredRecord;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/consents/{id}/record} (the decrypted record and its salt) and {@code GET
 * /v1/consents/{id}/receipt} (the verifiable receipt; 409 notAnchored until its batch is anchored):
 * only for the subject or the curator of the consent's dataset, authenticated with SIWE. An erased
 * consent answers 410 alreadyErased.
 */
public final class GetConsentPrivate implements Endpoint {
  public static final String RECORD_ID = "getConsentRecord";
  public static final String RECEIPT_ID = "getConsentReceipt";

  private final Blocking blocking;
  private final ConsentService consents;
  private final SiweAuth auth;
  private final DatasetCurators curators;
  private final Eip712ConsentSignatures signatures;
  private final boolean receipt;

  private GetConsentPrivate(
      Blocking blocking,
      ConsentService consents,
      SiweAuth auth,
      DatasetCurators curators,
      Eip712ConsentSignatures signatures,
      boolean receipt) {
    this.blocking = blocking;
    this.consents = consents;
    this.auth = auth;
    this.curators = curators;
    this.signatures = signatures;
    this.receipt = receipt;
  }

  public static GetConsentPrivate record(
      Blocking blocking, ConsentService consents, SiweAuth auth, DatasetCurators curators) {
    return new GetConsentPrivate(blocking, consents, auth, curators, null, false);
  }

  public static GetConsentPrivate receipt(
      Blocking blocking,
      ConsentService consents,
      SiweAuth auth,
      DatasetCurators curators,
      Eip712ConsentSignatures signatures) {
    return new GetConsentPrivate(blocking, consents, auth, curators, signatures, true);
  }

  @Override
  public String operationId() {
    return receipt ? RECEIPT_ID : RECORD_ID;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String id = ConsentBodies.hex(ctx.pathParam("id"));
    String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    String host = RequestHost.of(ctx);
    blocking.respond(
        ctx,
        () -> {
          auth.authenticate(authorization, host);
          String status = ConsentErrors.call(() -> consents.status(id)).status();
          if (status.equals("erased")) {
            throw new ApiException(ApiError.ALREADY_ERASED, "consent " + id + " was erased");
          }
          String subject =
              consents
                  .subjectOf(id)
                  .orElseThrow(
                      () ->
                          new ApiException(
                              ApiError.CONSENT_NOT_FOUND, "no record of " + id + " here"));
          List<String> readers = new ArrayList<>(List.of(subject));
          consents.datasetOf(id).flatMap(curators::curatorOf).ifPresent(readers::add);
          auth.authorizeAny(authorization, host, readers);
          StoredRecord record =
              consents
                  .record(id)
                  .orElseThrow(
                      () ->
                          new ApiException(
                              ApiError.CONSENT_NOT_FOUND, "no record of " + id + " here"));
          if (!receipt) {
            return Reply.json(ConsentJson.record(record));
          }
          LeafAnchor anchor =
              record
                  .status()
                  .anchor()
                  .orElseThrow(
                      () ->
                          new ApiException(
                              ApiError.NOT_ANCHORED, "consent " + id + " is not anchored yet"));
          return Reply.json(ConsentJson.receipt(record, anchor, signatures));
        });
  }
}
