package io.assent.cli.dataset;

import io.assent.cli.consent.Bytes32Converter;
import io.assent.contracts.dataset.DatasetOperation;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assent dataset update-license}: the license from now on (history keeps the old one). */
@Command(
    name = "update-license",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Change a dataset's license from now on.",
      "The old license stays in the dataset's history:"
          + " permits asked for an earlier time still use the license then in force. Signed by an"
          + " agent of the current curator; refused once the dataset is deprecated."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  assent dataset update-license 0x7b21...9e --license 'CC-BY-4.0 OR MIT'"})
public final class DatasetUpdateLicenseCommand extends DatasetMutation {

  @Parameters(
      index = "0",
      paramLabel = "ID",
      converter = Bytes32Converter.class,
      description = "The dataset id (0x + 64 hex).")
  String id;

  @Option(
      names = "--license",
      required = true,
      paramLabel = "SPDX",
      description = "The new SPDX license expression, e.g. CC-BY-4.0 or 'MIT OR Apache-2.0'.")
  String license;

  @Override
  protected void check() {
    license = SpdxLicenses.checked(license, "--license '" + license + "'");
  }

  @Override
  protected DatasetOperation operation(Target target) {
    return new DatasetOperation.UpdateLicense(id, license);
  }

  @Override
  protected String summary(DatasetOperation operation) {
    return "license of dataset " + id + " set to " + license;
  }

  @Override
  protected void describe(DatasetOperation operation, Map<String, Object> json) {
    json.put("license", license);
  }
}
