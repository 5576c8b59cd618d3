package io.assent.contracts.dataset;

import io.assent.contracts.did.Erc1056Signature;
import io.assent.contracts.generated.DatasetRegistry;
import java.math.BigInteger;
import java.util.List;
import org.web3j.utils.Numeric;

/**
 * The calldata of each registry write, encoded by the generated binding so it always matches the
 * compiled contract's ABI. Operations are already checked by their constructors.
 */
final class DatasetCalls {

  private final DatasetRegistry registry;

  DatasetCalls(DatasetRegistry registry) {
    this.registry = registry;
  }

  /** Calldata of the plain function: the sender is the actor. */
  String direct(DatasetOperation operation) {
    return switch (operation) {
      case DatasetOperation.Register op -> registry.register(registration(op)).encodeFunctionCall();
      case DatasetOperation.UpdateLicense op ->
          registry.updateLicense(bytes(op.dataset()), op.license()).encodeFunctionCall();
      case DatasetOperation.Deprecate op ->
          registry.deprecate(bytes(op.dataset()), op.reason()).encodeFunctionCall();
      case DatasetOperation.TransferCuratorship op ->
          registry.transferCuratorship(bytes(op.dataset()), op.newCurator()).encodeFunctionCall();
    };
  }

  /** Calldata of the {@code ...Signed} variant: anyone may send it; {@code signer} is the actor. */
  String signed(DatasetOperation operation, String signer, String signatureHex) {
    String who = DatasetHex.address("signer", signer);
    Erc1056Signature sig = Erc1056Signature.fromHex(signatureHex);
    BigInteger v = BigInteger.valueOf(sig.v());
    byte[] r = sig.r();
    byte[] s = sig.s();
    return switch (operation) {
      case DatasetOperation.Register op ->
          registry.registerSigned(registration(op), who, v, r, s).encodeFunctionCall();
      case DatasetOperation.UpdateLicense op ->
          registry
              .updateLicenseSigned(bytes(op.dataset()), op.license(), who, v, r, s)
              .encodeFunctionCall();
      case DatasetOperation.Deprecate op ->
          registry
              .deprecateSigned(bytes(op.dataset()), op.reason(), who, v, r, s)
              .encodeFunctionCall();
      case DatasetOperation.TransferCuratorship op ->
          registry
              .transferCuratorshipSigned(bytes(op.dataset()), op.newCurator(), who, v, r, s)
              .encodeFunctionCall();
    };
  }

  private static DatasetRegistry.Registration registration(DatasetOperation.Register op) {
    List<byte[]> parents = op.parents().stream().map(DatasetCalls::bytes).toList();
    return new DatasetRegistry.Registration(
        op.curator(),
        op.name(),
        op.version(),
        bytes(op.contentDigest()),
        bytes(op.metadataDigest()),
        op.metadataUri(),
        op.license(),
        parents);
  }

  static byte[] bytes(String hex) {
    return Numeric.hexStringToByteArray(hex);
  }
}
