package io.assent.cli.dataset;

import io.assent.cli.consent.Bytes32Converter;
import io.assent.contracts.dataset.DatasetOperation;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assent dataset deprecate}: final; new consents and every later change are refused. */
@Command(
    name = "deprecate",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Deprecate a dataset, for good.",
      "The registry refuses every later change to it, nodes refuse"
          + " new consents for it, and permits for any later time answer denied. Signed by an agent"
          + " of the current curator."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  assent dataset deprecate 0x7b21...9e --reason 'superseded by 3.0'"})
public final class DatasetDeprecateCommand extends DatasetMutation {

  @Parameters(
      index = "0",
      paramLabel = "ID",
      converter = Bytes32Converter.class,
      description = "The dataset id (0x + 64 hex).")
  String id;

  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "Why, on chain for everyone to read (no personal data).")
  String reason;

  @Override
  protected DatasetOperation operation(Target target) {
    return new DatasetOperation.Deprecate(id, reason);
  }

  @Override
  protected String summary(DatasetOperation operation) {
    return "dataset " + id + " deprecated (\"" + reason + "\")";
  }

  @Override
  protected void describe(DatasetOperation operation, Map<String, Object> json) {
    json.put("reason", reason);
  }
}
