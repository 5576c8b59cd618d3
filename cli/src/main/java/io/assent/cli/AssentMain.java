package io.assent.cli;

import io.assent.cli.config.AssentDefaults;
import io.assent.cli.consent.ConsentCommand;
import io.assent.cli.dataset.DatasetCommand;
import io.assent.cli.did.DidCommand;
import io.assent.cli.key.KeyCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code assent} command: local keys and DIDs; signs here, relays through a node or a chain.
 */
@Command(
    name = "assent",
    mixinStandardHelpOptions = true,
    versionProvider = AssentMain.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    subcommands = {
      KeyCommand.class,
      DidCommand.class,
      ConsentCommand.class,
      DatasetCommand.class,
      CommandLine.HelpCommand.class
    },
    description = {
      "Keys, DIDs, signed identity operations, consents and datasets for Assent, a decentralized"
          + " identity and data-consent ledger.",
      "",
      "Keys are Ethereum V3 keystore files on this machine and never leave it. A DID is"
          + " did:ethr:0x<chainId>:0x<address>. Changes to a DID are signed here, then either"
          + " relayed by an Assent node (--node; the node pays the gas) or sent as a transaction"
          + " from the key's own account (--rpc with --registry).",
      ""
    },
    commandListHeading = "%nCommands:%n",
    footerHeading = "%n",
    footer = {
      "Examples:",
      "  assent key new --name alice",
      "  assent did show --key alice",
      "  assent did add-service --type ConsentService --endpoint https://node.example",
      "  assent did resolve did:ethr:0x7a69:0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
      "  assent did help add-key          (or: assent did add-key --help)",
      "  assent consent grant --dataset 0x3f5c...a1 --purpose ai:ModelTraining --jurisdiction EU \\",
      "      --until 2027-06-30",
      "  assent dataset register --croissant metadata.json",
      "  assent dataset permits 0x7b21...9e --purpose commercial-ai-training",
      "",
      "Settings: each flag marked (setting) takes its default from, lowest first: the built-in"
          + " default < the config file (~/.assent/config.properties, or --config FILE, or"
          + " ASSENT_CONFIG; lines like 'node=http://127.0.0.1:8080') < the environment"
          + " (ASSENT_NODE, ASSENT_RPC, ASSENT_REGISTRY, ASSENT_DATASET_REGISTRY, ASSENT_ANCHOR, ASSENT_JURISDICTION, ASSENT_CHAIN_ID, ASSENT_KEYSTORE,"
          + " ASSENT_KEY, ASSENT_KDF, ASSENT_TIMEOUT, ASSENT_PASSWORD_FILE, ASSENT_PASSWORD_ENV)"
          + " < the flag. ASSENT_PASSWORD, if set, is the key password.",
      "",
      "Output: results go to stdout. Errors are one line on stderr: 'assent: <message>'. With"
          + " --json, stdout gets one JSON document: the result, or"
          + " {\"error\": {\"code\": ..., \"message\": ...}} (the one-line error still goes to"
          + " stderr).",
      "",
      "Exit codes: 0 done; 1 the operation failed (unknown key, wrong password, the node or chain"
          + " refused); 2 usage error (unknown option, bad value, missing argument)."
    })
public final class AssentMain implements Runnable {

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Config file of default settings (setting; default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print the result (or the error) as JSON on stdout.")
  boolean json;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "On failure, also print the stack trace.")
  boolean verbose;

  private final CliContext context;

  public AssentMain(CliContext context) {
    this.context = context;
  }

  /** The command line with Assent's defaults, error handling and streams wired in. */
  public static CommandLine commandLine(CliContext context) {
    CommandLine commandLine = new CommandLine(new AssentMain(context));
    commandLine.setOut(context.out());
    commandLine.setErr(context.err());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setDefaultValueProvider(new AssentDefaults(context));
    commandLine.setParameterExceptionHandler(new UsageErrors(context));
    return commandLine;
  }

  /** Runs {@code assent args...} and returns the exit code. */
  public static int run(CliContext context, String... args) {
    return commandLine(context).execute(args);
  }

  public static void main(String[] args) {
    System.exit(run(CliContext.system(), args));
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing command: key, did, consent, dataset or help");
  }

  public CliContext context() {
    return context;
  }

  public boolean json() {
    return json;
  }

  public boolean verbose() {
    return verbose;
  }

  /** The version Maven wrote into {@code version.properties}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = AssentMain.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"assent " + properties.getProperty("version", "(development)")};
    }
  }
}
