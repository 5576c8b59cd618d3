package io.assent.cli.key;

import io.assent.cli.AssentCommand;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import io.assent.cli.did.ChainIdConverter;
import io.assent.cli.did.Dids;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assent key list}: alias, address and DID of every key. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "List the keys: alias, address, and the key's DID on the configured chain.",
      "Works offline: the DID column needs --chain-id (or the chain-id setting)."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  assent key list --chain-id 31337", "  assent key list --json"})
public final class KeyList extends AssentCommand {

  @Mixin KeystoreOption keystore;

  @Option(
      names = "--chain-id",
      paramLabel = "ID",
      converter = ChainIdConverter.class,
      description = "Chain of the DIDs shown, decimal or 0x-hex (setting).")
  BigInteger chainId;

  @Override
  protected int run(Output out) {
    Keystore store = keystore.keystore();
    List<KeyEntry> entries = store.list();
    List<Map<String, Object>> keys = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (KeyEntry entry : entries) {
      String did = chainId == null ? null : Dids.of(chainId, entry.address()).toString();
      Map<String, Object> key = KeyNew.describe(entry);
      key.put("did", did);
      keys.add(key);
      text.append(
          String.format("%-16s %s  %s%n", entry.name(), entry.address(), did == null ? "-" : did));
    }
    if (entries.isEmpty()) {
      text.append("no keys in ")
          .append(store.dir())
          .append(" (create one: assent key new --name NAME)");
    } else if (chainId == null) {
      text.append(
          "(DIDs need a chain: --chain-id, ASSENT_CHAIN_ID or chain-id in the config file)");
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("keystore", store.dir().toString());
    json.put("chainId", chainId == null ? null : chainId.longValueExact());
    json.put("keys", keys);
    out.result(json, text.toString().stripTrailing());
    return ExitCode.OK;
  }
}
