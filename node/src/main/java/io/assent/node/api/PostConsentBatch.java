package io.assent.node.api;

import io.assent.node.consent.ConsentService;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/consents/batch}: up to {@link #MAX_GRANTS} subject-signed grants in one request,
 * for relays (a consent-collection site forwarding what its visitors signed in their wallets). Each
 * grant is checked and accepted exactly as {@code POST /v1/consents} would, independently of the
 * others; the accepted ones share synced commits. 200 with one result per grant, in order, once
 * every accepted grant is durable: {@code {consentId, status, created}} or {@code {problem}} (RFC
 * 9457 members, the same codes as the single endpoint). Only a malformed body as a whole (not JSON,
 * no {@code grants} array, too many items) is answered with a problem for the request.
 */
public final class PostConsentBatch extends SignedGrantsEndpoint {
  public static final String OPERATION_ID = "postConsentBatch";

  /**
   * The most grants one request carries; also bounded by {@code http.bodyLimitBytes} (the default
   * 64 KiB holds 50 typical grants of ~800 bytes).
   */
  static final int MAX_GRANTS = 50;

  public PostConsentBatch(
      Blocking blocking, DidParam didParam, ConsentService consents, boolean enabled) {
    super(OPERATION_ID, blocking, didParam, consents, enabled);
  }

  /** 200 with one result per grant, each grant checked on its own (see the class comment). */
  @Override
  Reply accept(String contentType, Buffer raw, String path) {
    return Reply.json(200, results(contentType, raw, path));
  }

  private JsonObject results(String contentType, Buffer raw, String path) {
    JsonArray items = GrantRequestBody.batch(contentType, raw, MAX_GRANTS);
    JsonObject[] results = new JsonObject[items.size()];
    List<Integer> parsed = new ArrayList<>();
    List<ConsentService.SignedGrant> grants = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      try {
        JsonObject body = GrantRequestBody.item(items.getValue(i), "/grants/" + i);
        grants.add(ConsentBodies.signedGrant(body, didParam));
        parsed.add(i);
      } catch (ApiException e) {
        results[i] = problem(e.error(), e.detail(), path);
      }
    }
    List<ConsentService.Outcome> outcomes = consents.acceptAll(grants);
    for (int k = 0; k < outcomes.size(); k++) {
      ConsentService.Outcome outcome = outcomes.get(k);
      results[parsed.get(k)] =
          outcome.refusal() != null
              ? problem(
                  ConsentErrors.map(outcome.refusal().error()),
                  outcome.refusal().getMessage(),
                  path)
              : new JsonObject()
                  .put("consentId", outcome.accepted().consentId())
                  .put("status", outcome.accepted().status())
                  .put("created", outcome.accepted().created());
    }
    return new JsonObject().put("results", new JsonArray(List.of((Object[]) results)));
  }

  private static JsonObject problem(ApiError error, String detail, String path) {
    return new JsonObject().put("problem", Problem.body(error, detail, path));
  }
}
