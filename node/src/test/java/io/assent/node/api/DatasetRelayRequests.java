package io.assent.node.api;

import io.assent.contracts.consent.Eip712Domain;
import io.assent.contracts.dataset.DatasetOperation;
import io.assent.contracts.dataset.DatasetTypedData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.List;
import org.web3j.crypto.Credentials;

/** Bodies of {@code POST /v1/datasets/operations}, signed as a wallet would (EIP-712). */
final class DatasetRelayRequests {
  static final String DIGEST = "0x" + "c0".repeat(32);

  private final Eip712Domain domain;

  DatasetRelayRequests(Eip712Domain domain) {
    this.domain = domain;
  }

  static DatasetOperation.Register registration(
      String curator, String name, String license, List<String> parents) {
    return new DatasetOperation.Register(
        curator, name, "1.0", DIGEST, DIGEST, "ipfs://meta/" + name, license, parents);
  }

  /** The body with {@code signer}'s signature over {@code op} at {@code nonce}. */
  JsonObject signed(DatasetOperation op, Credentials signer, BigInteger nonce) {
    return body(op, signer.getAddress(), nonce, DatasetTypedData.sign(domain, op, nonce, signer));
  }

  static JsonObject body(DatasetOperation op, String signer, BigInteger nonce, String signature) {
    return new JsonObject()
        .put("operation", json(op))
        .put("signer", signer)
        .put("nonce", nonce.toString())
        .put("signature", signature);
  }

  static JsonObject json(DatasetOperation op) {
    JsonObject json = new JsonObject().put("type", op.type());
    switch (op) {
      case DatasetOperation.Register r ->
          json.put("curator", r.curator())
              .put("name", r.name())
              .put("version", r.version())
              .put("contentDigest", r.contentDigest())
              .put("metadataDigest", r.metadataDigest())
              .put("metadataUri", r.metadataUri())
              .put("license", r.license())
              .put("parents", new JsonArray(r.parents()));
      case DatasetOperation.UpdateLicense u ->
          json.put("dataset", u.dataset()).put("license", u.license());
      case DatasetOperation.Deprecate d ->
          json.put("dataset", d.dataset()).put("reason", d.reason());
      case DatasetOperation.TransferCuratorship t ->
          json.put("dataset", t.dataset()).put("newCurator", t.newCurator());
    }
    return json;
  }
}
