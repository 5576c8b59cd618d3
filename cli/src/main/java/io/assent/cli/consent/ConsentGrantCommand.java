package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.cli.CliException;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import io.assent.contracts.consent.ConsentGrant;
import io.assent.contracts.consent.ConsentTypedData;
import io.assent.contracts.consent.Eip712Domain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.utils.Numeric;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code assent consent grant}: sign a consent grant locally and send it to the node. */
@Command(
    name = "grant",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Grant a dataset consent for named purposes. The grant is EIP-712 typed data (domain: Assent,"
          + " version 1, the node's chain id and ConsentAnchor contract from GET /v1/status),"
          + " signed here with your key and posted to the node (POST /v1/consents). Prints the"
          + " consent id and status; keeps your copy in ~/.assent/consents/<consentId>.json.",
      "",
      "Times: a date (2027-06-30), a date-time with zone (2027-06-30T12:00:00Z) or unix seconds."
          + " A date as --until means the end of that day (23:59:59 UTC); as --from, its start."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent consent grant --dataset 0x3f5c...a1 --purpose ai:ModelTraining --jurisdiction EU \\",
      "      --until 2027-06-30",
      "  assent consent grant --dataset 0x3f5c...a1 --purpose dpv:ScientificResearch \\",
      "      --purpose ai:ModelTraining --notice notice.html --notice-version v2 \\",
      "      --jurisdiction EU --until never --json"
    })
public final class ConsentGrantCommand extends SignedCommand {

  static final int MAX_PURPOSES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "ID",
      converter = Bytes32Converter.class,
      description = "The dataset id (0x + 64 hex).")
  String dataset;

  @Option(
      names = "--purpose",
      required = true,
      paramLabel = "TERM",
      description = "A purpose (DPV/AI term, e.g. ai:ModelTraining); repeat for more (1 to 16).")
  List<String> purposes = new ArrayList<>();

  @Option(
      names = "--processing",
      paramLabel = "TERM",
      defaultValue = "dpv:Use",
      description = "Processing operation (default: ${DEFAULT-VALUE}).")
  String processing;

  @Option(
      names = "--legal-basis",
      paramLabel = "TERM",
      defaultValue = "dpv:Consent",
      description = "Legal basis (default: ${DEFAULT-VALUE}).")
  String legalBasis;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Notice notice;

  /** The privacy notice shown: a file (hashed here) or its digest. */
  static final class Notice {
    @Option(
        names = "--notice",
        paramLabel = "FILE",
        description = "The privacy notice shown; its SHA-256 becomes the notice digest.")
    Path file;

    @Option(
        names = "--notice-digest",
        paramLabel = "0x..",
        converter = Bytes32Converter.class,
        description = "The notice digest itself (default: 32 zero bytes, no notice).")
    String digest;
  }

  @Option(
      names = "--notice-version",
      paramLabel = "TEXT",
      defaultValue = "none",
      description = "Version of the notice shown, e.g. v1 (default: ${DEFAULT-VALUE}).")
  String noticeVersion;

  @Option(
      names = "--jurisdiction",
      paramLabel = "CODE",
      description = "Jurisdiction whose law governs the consent, e.g. EU (setting; required).")
  String jurisdiction;

  @Option(
      names = "--from",
      paramLabel = "TIME",
      converter = ConsentTime.Start.class,
      description = "Valid from (default: now).")
  Long from;

  @Option(
      names = "--until",
      required = true,
      paramLabel = "TIME",
      converter = ConsentTime.End.class,
      description = "Valid until, inclusive; 'never' for no end.")
  Long until;

  @Override
  protected int run(Output out) {
    checkPurposes();
    if (jurisdiction == null || jurisdiction.isBlank()) {
      throw new CliException(
          "invalidArgument", "missing --jurisdiction CODE (or the jurisdiction setting), e.g. EU");
    }
    long validFrom = from != null ? from : Instant.now().getEpochSecond();
    if (until != 0 && until <= validFrom) {
      throw new CliException("invalidValidity", "--until must be after --from (or now)");
    }
    String noticeDigest = noticeDigest();
    try (ConsentApi api = nodeOptions.open()) {
      Signer who = unlock(api);
      ConsentGrant grant =
          Signing.message(
              () ->
                  new ConsentGrant(
                      who.subject().address(),
                      dataset,
                      purposes,
                      processing,
                      legalBasis,
                      noticeDigest,
                      noticeVersion,
                      jurisdiction,
                      validFrom,
                      until,
                      randomBytes32()));
      Eip712Domain domain = api.domain().eip712();
      String signature = ConsentTypedData.sign(domain, grant, who.credentials());
      ObjectNode body = Output.JSON.createObjectNode();
      body.set("grant", grantJson(grant, who.subject().toString()));
      body.put("signature", signature);
      body.put("signerKey", who.publicKey());
      JsonNode answer = api.postGrant(body);
      String consentId = answer.path("consentId").asText("");
      if (!consentId.matches("0x[0-9a-fA-F]{64}")) {
        throw new CliException("nodeError", "the node accepted the grant but sent no consent id");
      }
      ObjectNode copy = Output.JSON.createObjectNode();
      copy.put("consentId", consentId);
      copy.put("node", api.base().toString());
      copy.put("signer", who.key().address());
      copy.set("request", body);
      copy.set("typedData", Signing.typedData(domain, grant));
      copy.set("answer", answer);
      Path saved = local().save(consentId, copy);
      report(out, consentId, answer, who, saved);
    }
    return ExitCode.OK;
  }

  private void report(Output out, String consentId, JsonNode answer, Signer who, Path saved) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("consentId", consentId);
    json.put("status", answer.path("status").asText(""));
    json.put("subject", who.subject().toString());
    json.put("signer", who.key().address());
    json.put("localCopy", saved.toString());
    out.result(
        json,
        "consent "
            + consentId
            + " "
            + answer.path("status").asText("accepted")
            + "\nsubject "
            + who.subject()
            + "\nyour copy: "
            + saved);
  }

  /** The grant as POST /v1/consents takes it: the subject as a DID, times as JSON integers. */
  static ObjectNode grantJson(ConsentGrant grant, String subjectDid) {
    ObjectNode json = Output.JSON.createObjectNode();
    json.put("subject", subjectDid);
    json.put("dataset", grant.dataset());
    grant.purposes().forEach(json.putArray("purposes")::add);
    json.put("processing", grant.processing());
    json.put("legalBasis", grant.legalBasis());
    json.put("noticeDigest", grant.noticeDigest());
    json.put("noticeVersion", grant.noticeVersion());
    json.put("jurisdiction", grant.jurisdiction());
    json.put("validFrom", grant.validFrom());
    json.put("validUntil", grant.validUntil());
    json.put("nonce", grant.nonce());
    return json;
  }

  private void checkPurposes() {
    if (purposes.size() > MAX_PURPOSES) {
      throw new CliException(
          "invalidArgument", "at most " + MAX_PURPOSES + " --purpose, got " + purposes.size());
    }
    for (String purpose : purposes) {
      if (purpose.isBlank()) {
        throw new CliException("invalidArgument", "--purpose must not be empty");
      }
    }
  }

  private String noticeDigest() {
    if (notice == null) {
      return "0x" + "00".repeat(32);
    }
    if (notice.digest != null) {
      return notice.digest;
    }
    Path file = context().expandHome(notice.file.toString());
    try {
      byte[] bytes = Files.readAllBytes(file);
      return Numeric.toHexString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (IOException e) {
      throw new CliException("fileNotFound", "cannot read notice file " + file + ": " + e, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String randomBytes32() {
    byte[] nonce = new byte[32];
    RANDOM.nextBytes(nonce);
    return Numeric.toHexString(nonce);
  }
}
