package io.assent.node.identity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.contracts.did.DidEthr;
import io.assent.contracts.did.DidEvent;
import io.assent.contracts.did.InvalidDidException;
import io.assent.node.store.KeyValueReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Resolves {@code did:ethr} DIDs of this node's chain from the identity index alone, producing the
 * resolution result ethr-did-resolver 11.1.3 produces for the same chain (see {@link DocumentFold}
 * for the folding rules), with these deliberate differences:
 *
 * <ul>
 *   <li>a revoked or expired {@code enc} key leaves {@code keyAgreement} too (the reference keeps a
 *       dangling reference: a known fault);
 *   <li>a malformed identifier (bad EIP-55 checksum, a public key off the curve) is {@code
 *       invalidDid}; the reference fails later, inside its chain walk, with {@code notFound};
 *   <li>{@code versionId}/{@code versionTime} come as options, not as a DID URL query; a DID URL is
 *       {@code invalidDid}. {@code versionTime} is an extension (the reference has none);
 *   <li>a DID of another method is {@code methodNotSupported} (did-resolver says {@code
 *       unsupportedDidMethod}).
 * </ul>
 *
 * <p>Validity is evaluated at the injected clock's time (whole seconds), or at the {@code
 * versionId} block's timestamp, or at {@code versionTime}. An identity without events resolves to
 * the default document, as in the reference. Thread-safe: it holds no mutable state.
 */
public final class DidResolver {

  private static final Pattern OTHER_METHOD = Pattern.compile("did:[a-z0-9]+:.+");
  private static final List<String> CONTEXT =
      List.of(
          "https://www.w3.org/ns/did/v1",
          "https://w3id.org/security/suites/secp256k1recovery-2020/v2",
          "https://w3id.org/security/v3-unstable");

  private final IdentityIndex index;
  private final DidNetwork network;
  private final BlockTimestamps blocks;
  private final Clock clock;

  public DidResolver(
      KeyValueReader store, DidNetwork network, BlockTimestamps blocks, Clock clock) {
    this.index = new IdentityIndex(store);
    this.network = network;
    this.blocks = blocks;
    this.clock = clock;
  }

  public ResolutionResult resolve(String did, ResolutionOptions options) {
    String accept = options.accept() == null ? ResolutionOptions.DID_LD_JSON : options.accept();
    if (!accept.equals(ResolutionOptions.DID_LD_JSON)
        && !accept.equals(ResolutionOptions.DID_JSON)) {
      return ResolutionResult.error(
          ResolutionError.UNSUPPORTED_FORMAT,
          "The DID resolver does not support the requested 'accept' format: " + accept);
    }
    DidEthr parsed;
    try {
      parsed = DidEthr.parse(did);
    } catch (InvalidDidException e) {
      boolean otherMethod =
          e.reason() == InvalidDidException.Reason.NOT_DID_ETHR
              && did != null
              && !did.startsWith("did:ethr")
              && OTHER_METHOD.matcher(did).matches();
      return otherMethod
          ? ResolutionResult.error(
              ResolutionError.METHOD_NOT_SUPPORTED, "Unsupported DID method: " + did)
          : ResolutionResult.error(
              ResolutionError.INVALID_DID, "Not a valid did:ethr: " + e.getMessage());
    }
    if (!network.accepts(parsed.networkOrMainnet())) {
      return ResolutionResult.error(
          ResolutionError.UNKNOWN_NETWORK,
          "The DID resolver does not have a configuration for network: "
              + parsed.networkOrMainnet());
    }
    if (options.versionId() != null && options.versionTime() != null) {
      return ResolutionResult.error(
          ResolutionError.INVALID_OPTIONS, "versionId and versionTime are mutually exclusive");
    }
    if (options.versionId() != null && options.versionId() < 0) {
      return ResolutionResult.error(
          ResolutionError.INVALID_OPTIONS, "versionId must be a block number");
    }
    List<IndexedDidEvent> history = index.history(parsed.address());
    OptionalLong now = evaluationTime(options, history);
    if (now.isEmpty()) {
      return ResolutionResult.error(
          ResolutionError.NOT_FOUND, "Block at height " + options.versionId() + " not found");
    }
    String publicKeyHex =
        parsed.publicKey().isPresent() ? did.substring(did.lastIndexOf(':') + 3) : null;
    DocumentFold fold =
        new DocumentFold(did, parsed.address(), publicKeyHex, network.chainId(), now.getAsLong());
    return fold(fold, history, options, accept);
  }

  private ResolutionResult fold(
      DocumentFold fold, List<IndexedDidEvent> history, ResolutionOptions options, String accept) {
    IndexedDidEvent version = null;
    IndexedDidEvent next = null;
    for (IndexedDidEvent indexed : history) {
      Optional<String> text = bytes32Text(indexed.event());
      if (text.isEmpty()) {
        continue; // not a DID event (bytes32 not UTF-8): the reference skips it entirely
      }
      if (after(indexed, options)) {
        if (next == null) {
          next = indexed;
        }
        continue;
      }
      version = indexed;
      if (!fold.apply(indexed.event(), text.get())) {
        break;
      }
    }
    ObjectNode document = fold.document();
    if (accept.equals(ResolutionOptions.DID_LD_JSON)) {
      CONTEXT.forEach(document.putArray("@context")::add);
    }
    ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    if (fold.deactivated()) {
      metadata.put("deactivated", true);
    }
    if (version != null) {
      metadata.put("versionId", Long.toString(version.blockNumber()));
      metadata.put("updated", isoTime(version.blockTimestamp()));
    }
    if (next != null) {
      metadata.put("nextVersionId", Long.toString(next.blockNumber()));
      metadata.put("nextUpdate", isoTime(next.blockTimestamp()));
    }
    ObjectNode resolution = JsonNodeFactory.instance.objectNode();
    resolution.put("contentType", accept);
    return new ResolutionResult(document, metadata, resolution);
  }

  private static Optional<String> bytes32Text(DidEvent event) {
    return switch (event) {
      case DidEvent.OwnerChanged e -> Optional.of("");
      case DidEvent.DelegateChanged e -> Bytes32Text.name(e.delegateType());
      case DidEvent.AttributeChanged e -> Bytes32Text.name(e.name());
    };
  }

  /** True if the event lies after the requested version. */
  private static boolean after(IndexedDidEvent event, ResolutionOptions options) {
    if (options.versionId() != null) {
      return event.blockNumber() > options.versionId();
    }
    if (options.versionTime() != null) {
      return Instant.ofEpochSecond(event.blockTimestamp()).isAfter(options.versionTime());
    }
    return false;
  }

  private OptionalLong evaluationTime(ResolutionOptions options, List<IndexedDidEvent> history) {
    if (options.versionTime() != null) {
      return OptionalLong.of(options.versionTime().getEpochSecond());
    }
    if (options.versionId() == null) {
      return OptionalLong.of(clock.instant().getEpochSecond());
    }
    long block = options.versionId();
    for (IndexedDidEvent event : history) {
      if (event.blockNumber() == block) {
        return OptionalLong.of(event.blockTimestamp());
      }
    }
    return blocks.secondsOf(block);
  }

  /** The reference's format: ISO 8601 in UTC with whole seconds, e.g. 2026-01-01T00:00:00Z. */
  static String isoTime(long epochSeconds) {
    return Instant.ofEpochSecond(epochSeconds).toString();
  }
}
