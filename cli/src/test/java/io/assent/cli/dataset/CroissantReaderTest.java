package io.assent.cli.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.cli.CliException;
import io.assent.cli.Output;
import io.assent.contracts.json.Jcs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Croissant 1.0 and 1.1 files as curators write them: what registration takes from them, and a
 * one-line error naming the field for every incomplete or malformed one. Expected digests were
 * computed independently (Node.js JSON.stringify for RFC 8785, Python hashlib, and the jq one-liner
 * of {@link DatasetDigests}).
 */
class CroissantReaderTest {

  static final String PARENT = "0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8";

  @TempDir Path dir;

  static Path resource(String name) {
    try {
      return Path.of(CroissantReaderTest.class.getResource("/croissant/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** full-1.1.json with a change applied, written to a temp file. */
  Path variant(Consumer<ObjectNode> change) {
    return variant(dir, change);
  }

  /** full-1.1.json with a change applied, written to a temp file in {@code dir}. */
  static Path variant(Path dir, Consumer<ObjectNode> change) {
    try {
      ObjectNode root = (ObjectNode) Output.JSON.readTree(resource("full-1.1.json").toFile());
      change.accept(root);
      return file(dir, Output.toJson(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path file(String text) {
    return file(dir, text);
  }

  static Path file(Path dir, String text) {
    try {
      Path file = Files.createTempFile(dir, "croissant", ".json");
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void fails(Runnable read, String message) {
    assertThatThrownBy(read::run)
        .isInstanceOf(CliException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").startsWith("croissant: "));
  }

  @Test
  void readsAFullCroissant11File() {
    Croissant c = CroissantReader.read(resource("full-1.1.json"));
    assertThat(c.conformsTo()).isEqualTo("1.1");
    assertThat(c.requireName()).isEqualTo("Harbour Voices");
    assertThat(c.requireVersion()).isEqualTo("2.1.0");
    assertThat(c.requireLicense()).isEqualTo("CC-BY-4.0");
    assertThat(c.requireUrl()).isEqualTo("https://data.example.org/harbour-voices");
    assertThat(c.creators()).containsExactly("Example Maritime Archive", "Ada Quay");
    assertThat(c.files())
        .extracting(Croissant.FileObject::name)
        .containsExactly("transcripts.csv", "audio.zip");
    assertThat(c.parents()).containsExactly(PARENT);
    assertThat(c.otherSources()).containsExactly("https://data.example.org/raw-recordings");
    assertThat(c.metadataDigest())
        .isEqualTo("0xfbdac6e3f5bdea0bca866a5d0c32f738659295b2543f51d45af6b86605b3d1cc");
    assertThat(c.requireContentDigest())
        .isEqualTo("0x6764755bf855a2a6a7f4870d6b8fb26c56791e39c7230c7c61690274a11579b0");
  }

  @Test
  void readsACroissant10FileWithALicenseArrayAndOneDistributionObject() {
    Croissant c = CroissantReader.read(resource("full-1.0.json"));
    assertThat(c.conformsTo()).isEqualTo("1.0");
    assertThat(c.requireVersion()).isEqualTo("3");
    assertThat(c.requireLicense()).isEqualTo("CC-BY-NC-4.0 AND ODbL-1.0");
    assertThat(c.creators()).isEmpty(); // recommended only in 1.0
    assertThat(c.parents()).isEmpty();
    assertThat(c.metadataDigest())
        .isEqualTo("0x9e9878a4aa169816486923df22f79fe40dabb9910823512ae6539d70d8ea04b0");
    assertThat(c.requireContentDigest())
        .isEqualTo("0xc7ade88fc7a21498a6a5e5c385e1f68bed822b72aa63c4a9a48a02c2466ee29e");
  }

  @Test
  void theMetadataDigestIgnoresLayoutButNotContent() throws IOException {
    String compact =
        Output.JSON.readTree(resource("full-1.1.json").toFile()).toString(); // no whitespace
    assertThat(CroissantReader.read(file(compact)).metadataDigest())
        .isEqualTo(CroissantReader.read(resource("full-1.1.json")).metadataDigest());
    Path changed = variant(root -> root.put("description", "Another description."));
    assertThat(CroissantReader.read(changed).metadataDigest())
        .isNotEqualTo(CroissantReader.read(resource("full-1.1.json")).metadataDigest());
  }

  @Test
  void canonicalFormPrintsNumbersAsEcmaScriptDoes() throws IOException {
    assertThat(
            Jcs.canonical(
                Output.JSON.readTree(
                    "{\"speaker\":\"A. Quay\",\"duration\":12.5,\"score\":1e-7,\"big\":1e21,"
                        + "\"n\":-0.0,\"x\":100,\"y\":0.000001,\"z\":123456789012345678901}")))
        .isEqualTo(
            "{\"big\":1e+21,\"duration\":12.5,\"n\":0,\"score\":1e-7,\"speaker\":\"A. Quay\","
                + "\"x\":100,\"y\":0.000001,\"z\":123456789012345680000}");
  }

  @Test
  void aNumberVersionKeepsItsDigitsAndAnInfiniteNumberHasNoCanonicalForm() {
    String head =
        "{\"@context\":{},\"@type\":\"sc:Dataset\","
            + "\"conformsTo\":\"http://mlcommons.org/croissant/1.0\",";
    assertThat(CroissantReader.read(file(head + "\"version\":1.10}")).requireVersion())
        .isEqualTo("1.10");
    fails(
        () -> CroissantReader.read(file(head + "\"version\":\"1\",\"x\":1e400}")),
        "the file has no RFC 8785 canonical form");
  }

  @Test
  void missingStructuralFieldsAreNamed() throws IOException {
    fails(
        () -> CroissantReader.read(variant(r -> r.remove("@context"))),
        "missing required field '@context'");
    fails(
        () -> CroissantReader.read(variant(r -> r.remove("@type"))),
        "missing required field '@type'");
    fails(
        () -> CroissantReader.read(variant(r -> r.remove("conformsTo"))),
        "missing required field 'conformsTo'");
    fails(
        () -> CroissantReader.read(variant(r -> r.remove("creator"))),
        "missing required field 'creator'");
  }

  @Test
  void missingFieldsThatAFlagCanReplaceAreNamedWithTheFlag() throws IOException {
    Croissant bare =
        CroissantReader.read(
            variant(
                r ->
                    r.without(
                        java.util.List.of("name", "version", "license", "url", "distribution"))));
    fails(bare::requireName, "missing required field 'name' (or give --name)");
    fails(bare::requireVersion, "missing required field 'version' (or give --version)");
    fails(bare::requireLicense, "missing required field 'license' (or give --license)");
    fails(bare::requireUrl, "missing required field 'url' (or give --metadata-uri)");
    fails(bare::requireContentDigest, "no FileObject in 'distribution'");
  }

  @Test
  void aFileObjectWithoutSha256CannotGiveAContentDigest() throws IOException {
    Croissant c =
        CroissantReader.read(
            variant(r -> ((ObjectNode) r.withArray("distribution").get(1)).remove("sha256")));
    fails(c::requireContentDigest, "missing required field 'sha256' in FileObject 'audio.zip'");
    fails(
        () ->
            CroissantReader.read(
                variant(
                    r -> ((ObjectNode) r.withArray("distribution").get(0)).put("sha256", "abc"))),
        "'sha256' of FileObject 'transcripts.csv' is not 64 hex digits");
  }

  @Test
  void wrongTypesAndVersionsAreRefused() throws IOException {
    fails(() -> CroissantReader.read(variant(r -> r.put("@type", "sc:Person"))), "not sc:Dataset");
    fails(
        () ->
            CroissantReader.read(
                variant(r -> r.put("conformsTo", "http://mlcommons.org/croissant/0.8"))),
        "supported: http://mlcommons.org/croissant/1.0");
    fails(
        () -> CroissantReader.read(variant(r -> r.putObject("name").put("en", "x"))),
        "field 'name' must be a non-empty string");
    fails(() -> CroissantReader.read(variant(r -> r.put("name", " "))), "field 'name'");
    fails(
        () -> CroissantReader.read(variant(r -> r.putArray("license").add("MIT").add(7))),
        "field 'license' has 7");
  }

  @Test
  void malformedJsonIsOneLineWithItsPosition() throws IOException {
    fails(() -> CroissantReader.read(resource("malformed.json")), "not valid JSON at line");
    fails(() -> CroissantReader.read(file("[1, 2]")), "not a JSON object");
    fails(
        () -> CroissantReader.read(file("{\"name\": \"a\", \"name\": \"b\"}")),
        "Duplicate field 'name'");
    fails(() -> CroissantReader.read(file("{\"@type\": \"sc:Dataset\"} {}")), "not valid JSON");
    fails(() -> CroissantReader.read(file(" \n")), "the file is empty");
    fails(() -> CroissantReader.read(dir.resolve("absent.json")), "no such file");
    Path latin1 = dir.resolve("latin1.json");
    Files.write(latin1, new byte[] {'{', '"', 'n', (byte) 0xE9, '"', ':', '1', '}'});
    fails(() -> CroissantReader.read(latin1), "not UTF-8");
  }

  @Test
  void derivedFromKeepsOnlyDatasetIdsAsParents() throws IOException {
    Croissant c =
        CroissantReader.read(
            variant(
                r ->
                    r.putArray("prov:wasDerivedFrom")
                        .add(PARENT.toUpperCase().replace("0X", "0x"))
                        .add("https://example.org/other")
                        .addObject()
                        .put("url", "0x" + "ab".repeat(32))));
    assertThat(c.parents()).containsExactly(PARENT, "0x" + "ab".repeat(32));
    assertThat(c.otherSources()).containsExactly("https://example.org/other");
  }
}
