package io.assent.node.api;

import io.assent.node.identity.DidResolver;
import io.assent.node.identity.ResolutionError;
import io.assent.node.identity.ResolutionOptions;
import io.assent.node.identity.ResolutionResult;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * {@code GET /1.0/identifiers/{did}}: DID resolution in the Universal Resolver driver format, from
 * the node's index. The Accept header picks the representation: a resolution result ({@code
 * application/did-resolution}, the default), or the bare document ({@code application/did+ld+json},
 * {@code application/did+json}). Errors are resolution results too (not problem+json), with the
 * driver interface's status codes.
 */
public final class ResolveDid implements Endpoint {
  public static final String OPERATION_ID = "resolveDid";
  public static final String DID_RESOLUTION = "application/did-resolution";

  private final Blocking blocking;
  private final DidResolver resolver;

  public ResolveDid(Blocking blocking, DidResolver resolver) {
    this.blocking = blocking;
    this.resolver = resolver;
  }

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String did = ctx.pathParam("did");
    Representation representation = Representation.of(ctx.request().getHeader("Accept"));
    String versionId = ctx.queryParams().get("versionId");
    String versionTime = ctx.queryParams().get("versionTime");
    blocking.respond(
        ctx,
        () -> {
          if (representation == null) {
            return resultReply(
                406,
                ResolutionResultJson.error(
                    "representationNotSupported",
                    "supported: "
                        + DID_RESOLUTION
                        + ", application/did+ld+json, application/did+json"));
          }
          ResolutionOptions options;
          try {
            options =
                new ResolutionOptions(
                    versionId == null ? null : Long.parseLong(versionId),
                    versionTime == null ? null : parseTime(versionTime),
                    representation.documentType());
          } catch (NumberFormatException | DateTimeParseException e) {
            return resultReply(
                400, ResolutionResultJson.error("invalidOptions", "bad versionId or versionTime"));
          }
          ResolutionResult result = resolver.resolve(did, options);
          int status = status(result);
          if (representation.wholeResult() || status != 200) {
            return resultReply(status, result.toJson().toString());
          }
          return new Reply(200, representation.documentType(), result.didDocument().toString());
        });
  }

  private static Instant parseTime(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }

  private static Reply resultReply(int status, String body) {
    return new Reply(status, DID_RESOLUTION, body);
  }

  static int status(ResolutionResult result) {
    if (result.error().isEmpty()) {
      return result.deactivated() ? 410 : 200;
    }
    ResolutionError error = result.error().get();
    return switch (error) {
      case INVALID_DID, INVALID_OPTIONS -> 400;
      case UNKNOWN_NETWORK, NOT_FOUND -> 404;
      case UNSUPPORTED_FORMAT -> 406;
      case METHOD_NOT_SUPPORTED -> 501;
    };
  }

  /** What the client accepts, by its Accept header. Null: nothing we can produce. */
  private record Representation(boolean wholeResult, String documentType) {
    static Representation of(String accept) {
      if (accept == null || accept.isBlank()) {
        return new Representation(true, ResolutionOptions.DID_LD_JSON);
      }
      String lower = accept.toLowerCase(Locale.ROOT);
      if (lower.contains(DID_RESOLUTION)
          || lower.contains("https://w3id.org/did-resolution")
          || lower.contains("application/json")
          || lower.contains("*/*")) {
        return new Representation(true, ResolutionOptions.DID_LD_JSON);
      }
      if (lower.contains(ResolutionOptions.DID_LD_JSON)) {
        return new Representation(false, ResolutionOptions.DID_LD_JSON);
      }
      if (lower.contains(ResolutionOptions.DID_JSON)) {
        return new Representation(false, ResolutionOptions.DID_JSON);
      }
      return null;
    }
  }
}
