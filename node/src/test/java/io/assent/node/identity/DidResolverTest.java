package io.assent.node.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.node.store.InMemoryKeyValueStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors, options and time; the documents themselves are covered by the golden scenarios. */
class DidResolverTest {

  private static final String A = "0x70997970c51812dc3a010c7d01b50e79d17dc79c";
  private static final String B = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
  private static final String DID = "did:ethr:dev:" + A;
  private static final long T0 = 1_767_225_600L; // 2026-01-01T00:00:00Z
  private static final DidNetwork DEV = new DidNetwork(31337, Set.of("dev"));

  private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
  private final FakeRegistry registry =
      new FakeRegistry(store).block(10, T0).delegate(A, "veriKey", B, T0 + 100);

  private DidResolver resolverAt(long epochSeconds) {
    return new DidResolver(store, DEV, registry.timestamps(), clock(epochSeconds));
  }

  @Test
  void delegateExpiresWithTheClock() {
    assertThat(methods(resolverAt(T0 + 100).resolve(DID, ResolutionOptions.latest())))
        .isEqualTo(2); // validTo == now is still valid, as in the reference
    assertThat(methods(resolverAt(T0 + 101).resolve(DID, ResolutionOptions.latest()))).isEqualTo(1);
  }

  @Test
  void evaluationTimeIsWholeSeconds() {
    DidResolver resolver =
        new DidResolver(
            store,
            DEV,
            registry.timestamps(),
            Clock.fixed(Instant.ofEpochSecond(T0 + 100, 999_000_000), ZoneOffset.UTC));
    assertThat(methods(resolver.resolve(DID, ResolutionOptions.latest()))).isEqualTo(2);
  }

  @Test
  void versionIdOfAnUnknownBlockIsNotFound() {
    ResolutionResult result = resolverAt(T0).resolve(DID, ResolutionOptions.atVersionId(11));
    assertThat(result.error()).contains(ResolutionError.NOT_FOUND);
    assertThat(result.didDocument()).isNull();
  }

  @Test
  void versionIdAsksBlockTimestampsOnlyForBlocksWithoutEvents() {
    BlockTimestamps none = number -> OptionalLong.empty();
    DidResolver resolver = new DidResolver(store, DEV, none, clock(T0 + 10_000));
    ResolutionResult result = resolver.resolve(DID, ResolutionOptions.atVersionId(10));
    assertThat(result.error()).isEmpty();
    assertThat(methods(result)).isEqualTo(2); // evaluated at block 10's time, not the clock
    assertThat(result.didDocumentMetadata().get("versionId").asText()).isEqualTo("10");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not a did",
        "did:ethr:dev:0x123",
        "did:ethr:dev:" + A + "#controller",
        "did:ethr:dev:" + A + "?versionId=1",
        "did:ethr:dev:0x70997970C51812dc3a010c7d01b50e79d17dc79c"
      })
  void invalidDids(String did) {
    ResolutionResult result = resolverAt(T0).resolve(did, ResolutionOptions.latest());
    assertThat(result.error()).contains(ResolutionError.INVALID_DID);
    assertThat(result.toJson().toString())
        .startsWith("{\"didResolutionMetadata\":{\"error\":\"invalidDid\",\"message\":")
        .endsWith("\"didDocumentMetadata\":{},\"didDocument\":null}");
  }

  @Test
  void nullDidIsInvalid() {
    assertThat(resolverAt(T0).resolve(null, ResolutionOptions.latest()).error())
        .contains(ResolutionError.INVALID_DID);
  }

  @Test
  void otherMethodsAreNotSupported() {
    assertThat(resolverAt(T0).resolve("did:web:example.com", ResolutionOptions.latest()).error())
        .contains(ResolutionError.METHOD_NOT_SUPPORTED);
  }

  @Test
  void networks() {
    DidResolver resolver = resolverAt(T0);
    assertThat(resolver.resolve("did:ethr:0x7a69:" + A, ResolutionOptions.latest()).error())
        .isEmpty();
    ResolutionResult mainnet = resolver.resolve("did:ethr:" + A, ResolutionOptions.latest());
    assertThat(mainnet.error()).contains(ResolutionError.UNKNOWN_NETWORK);
    assertThat(mainnet.didResolutionMetadata().get("message").asText())
        .isEqualTo("The DID resolver does not have a configuration for network: mainnet");
    assertThat(resolver.resolve("did:ethr:0x1:" + A, ResolutionOptions.latest()).error())
        .contains(ResolutionError.UNKNOWN_NETWORK);
    assertThat(resolver.resolve("did:ethr:0x7A69:" + A, ResolutionOptions.latest()).error())
        .contains(ResolutionError.UNKNOWN_NETWORK); // matched exactly, as the reference does

    DidResolver withMainnet =
        new DidResolver(
            store, new DidNetwork(31337, Set.of("mainnet")), registry.timestamps(), clock(T0));
    assertThat(withMainnet.resolve("did:ethr:" + A, ResolutionOptions.latest()).error()).isEmpty();
  }

  @Test
  void unsupportedFormat() {
    ResolutionResult result =
        resolverAt(T0).resolve(DID, ResolutionOptions.latest().withAccept("text/html"));
    assertThat(result.error()).contains(ResolutionError.UNSUPPORTED_FORMAT);
  }

  @Test
  void invalidOptions() {
    DidResolver resolver = resolverAt(T0);
    assertThat(resolver.resolve(DID, new ResolutionOptions(10L, Instant.EPOCH, null)).error())
        .contains(ResolutionError.INVALID_OPTIONS);
    assertThat(resolver.resolve(DID, ResolutionOptions.atVersionId(-1)).error())
        .contains(ResolutionError.INVALID_OPTIONS);
  }

  @Test
  void deactivatedFlag() {
    registry.block(11, T0 + 12).changeOwner(A, "0x0000000000000000000000000000000000000000");
    ResolutionResult result = resolverAt(T0).resolve(DID, ResolutionOptions.latest());
    assertThat(result.deactivated()).isTrue();
    assertThat(resolverAt(T0).resolve(DID, ResolutionOptions.atVersionId(10)).deactivated())
        .isFalse();
  }

  @Test
  void isoTimeHasWholeSeconds() {
    assertThat(DidResolver.isoTime(T0)).isEqualTo("2026-01-01T00:00:00Z");
  }

  private static int methods(ResolutionResult result) {
    JsonNode methods = result.didDocument().get("verificationMethod");
    return methods.size();
  }

  private static Clock clock(long epochSeconds) {
    return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
  }
}
