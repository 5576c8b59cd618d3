package io.assent.node.api;

import io.assent.node.consent.DatasetConsents;
import io.assent.node.dataset.DatasetIndex;
import io.assent.node.dataset.DatasetRecord;
import io.assent.node.dataset.license.LicensePolicy;
import io.assent.node.dataset.license.UsePurpose;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code GET /v1/datasets/{id}/consent-manifest?purpose=&at=}: the dataset's consents valid at that
 * time (default now) for the purpose and anchored, each with its Merkle proof, as JSON Lines for
 * training pipelines; {@code ?withdrawnSince=BLOCK}: the consents whose withdrawal (or erasure) was
 * anchored in that block or later, so a trainer drops data incrementally. Only for the dataset's
 * current curator (its owner or a sigAuth delegate), signed in with SIWE.
 */
public final class GetConsentManifest implements Endpoint {
  public static final String OPERATION_ID = "getConsentManifest";

  private final Blocking blocking;
  private final DatasetIndex index;
  private final LicensePolicy policy;
  private final DatasetConsents consents;
  private final SiweAuth auth;
  private final Clock clock;

  public GetConsentManifest(
      Blocking blocking,
      DatasetIndex index,
      LicensePolicy policy,
      DatasetConsents consents,
      SiweAuth auth,
      Clock clock) {
    this.blocking = blocking;
    this.index = index;
    this.policy = policy;
    this.consents = consents;
    this.auth = auth;
    this.clock = clock;
  }

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String id = DatasetParams.id(ctx.pathParam("id"));
    String since = ctx.queryParams().get("withdrawnSince");
    String purposeParam = ctx.queryParams().get("purpose");
    String atParam = ctx.queryParams().get("at");
    if (since != null && (purposeParam != null || atParam != null)) {
      throw new ApiException(
          ApiError.INVALID_REQUEST, "ask for either purpose (and at) or withdrawnSince, not both");
    }
    long fromBlock =
        since == null ? -1 : DatasetParams.number(since, "withdrawnSince", 0, Integer.MAX_VALUE, 0);
    UsePurpose purpose = since == null ? PermitParams.purpose(purposeParam) : null;
    long at = PermitParams.at(atParam, clock);
    String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    String host = RequestHost.of(ctx);
    blocking.streamLines(
        ctx,
        () -> {
          auth.authenticate(authorization, host);
          DatasetRecord dataset =
              index
                  .get(id)
                  .orElseThrow(
                      () -> new ApiException(ApiError.DATASET_NOT_FOUND, "no dataset " + id));
          auth.authorizeAny(authorization, host, List.of(dataset.curator()));
          Stream<JsonObject> lines =
              purpose == null
                  ? consents.withdrawnSince(id, fromBlock).stream().map(PermitJson::withdrawnLine)
                  : consents
                      .manifest(id, policy.consentPurposes(purpose), at)
                      .map(PermitJson::manifestLine);
          return lines.map(JsonObject::encode);
        });
  }
}
