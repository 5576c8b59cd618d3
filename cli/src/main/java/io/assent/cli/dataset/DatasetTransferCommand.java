package io.assent.cli.dataset;

import io.assent.cli.consent.Bytes32Converter;
import io.assent.contracts.dataset.DatasetOperation;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assent dataset transfer}: hand the curatorship to another identity. */
@Command(
    name = "transfer",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Transfer a dataset's curatorship to another identity.",
      "The new identity's owner and delegates act for it"
          + " from then on. Signed by an agent of the CURRENT curator. The dataset keeps its id."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  assent dataset transfer 0x7b21...9e --to did:ethr:0x7a69:0x7099...79c8"})
public final class DatasetTransferCommand extends DatasetMutation {

  @Parameters(
      index = "0",
      paramLabel = "ID",
      converter = Bytes32Converter.class,
      description = "The dataset id (0x + 64 hex).")
  String id;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DID|ADDRESS",
      converter = IdentityRef.Converter.class,
      description = "The new curator identity (did:ethr on this chain, or its address).")
  IdentityRef to;

  @Override
  protected DatasetOperation operation(Target target) {
    return new DatasetOperation.TransferCuratorship(
        id, to.addressOn("--to", target.chainId(), target.networkNames()));
  }

  @Override
  protected String summary(DatasetOperation operation) {
    DatasetOperation.TransferCuratorship transfer =
        (DatasetOperation.TransferCuratorship) operation;
    return "curatorship of dataset " + id + " transferred to " + transfer.newCurator();
  }

  @Override
  protected void describe(DatasetOperation operation, Map<String, Object> json) {
    json.put("newCurator", ((DatasetOperation.TransferCuratorship) operation).newCurator());
  }
}
