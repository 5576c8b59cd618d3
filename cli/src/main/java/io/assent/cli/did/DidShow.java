package io.assent.cli.did;

import io.assent.cli.AssentCommand;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import io.assent.cli.key.KeyEntry;
import io.assent.cli.key.Keystore;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

/** {@code assent did show}: the DID of a key. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Print the DID of a key: did:ethr:0x<chainId>:0x<address>.",
      "The chain id comes from --chain-id (or the chain-id setting), else from the JSON-RPC"
          + " endpoint (--rpc), else from the node (GET /v1/status)."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  assent did show --key alice --chain-id 31337", "  assent did show --json"})
public final class DidShow extends AssentCommand {

  @ArgGroup(validate = false, heading = "%nKey:%n")
  KeySelection keys = new KeySelection();

  @ArgGroup(validate = false, heading = "%nChain (for the chain id):%n")
  TransportOptions transport = new TransportOptions();

  @Override
  protected int run(Output out) {
    Keystore store = keys.keystore();
    KeyEntry key = keys.key(store);
    BigInteger chainId = transport.chainId(this::typed);
    String did = Dids.of(chainId, key.address()).toString();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("did", did);
    json.put("key", key.name());
    json.put("address", key.address());
    json.put("chainId", chainId.longValueExact());
    out.result(json, did);
    return ExitCode.OK;
  }
}
