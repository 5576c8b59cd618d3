package io.assent.node.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.node.store.InMemoryKeyValueStore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays each golden scenario through {@link IdentityIndexer} into a store and resolves it: the
 * result must equal the stored expected result, key order included. Run with {@code
 * -Dgolden.rewrite=true} to draft the expected results of new scenarios (then check them by hand
 * and with {@code src/test/js/check-identity-goldens.mjs} against the reference resolver).
 */
class DidResolverGoldenTest {

  static final DidNetwork DEV = new DidNetwork(31337, Set.of("dev"));

  static List<GoldenScenario> scenarios() throws IOException, URISyntaxException {
    Path dir = Path.of(DidResolverGoldenTest.class.getResource("/identity/golden").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".json"))
          .sorted()
          .map(GoldenScenario::load)
          .toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void resolvesAsGolden(GoldenScenario scenario) throws IOException {
    InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    FakeRegistry registry = scenario.replay(store);
    DidResolver resolver = new DidResolver(store, DEV, registry.timestamps(), scenario.clock());

    JsonNode actual = resolver.resolve(scenario.did(), scenario.options()).toJson();

    if (Boolean.getBoolean("golden.rewrite")) {
      Path source =
          Path.of("src/test/resources/identity/golden", scenario.file().getFileName().toString());
      GoldenScenario.load(source).rewriteExpected(actual);
      return;
    }
    String pretty =
        GoldenScenario.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual);
    String expected =
        GoldenScenario.MAPPER
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(scenario.expected());
    assertThat(pretty).as(scenario.name()).isEqualTo(expected);
  }
}
