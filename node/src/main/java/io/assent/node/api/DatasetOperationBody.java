package io.assent.node.api;

import io.assent.contracts.dataset.DatasetOperation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /v1/datasets/operations}, after openapi.yaml's checks (types, patterns,
 * no unknown members): the operation's fields per type are required here (400 invalidRequest).
 */
record DatasetOperationBody(
    DatasetOperation operation, String signer, BigInteger nonce, String signature) {

  static DatasetOperationBody parse(JsonObject body, DatasetParams params) {
    JsonObject op = body.getJsonObject("operation");
    try {
      DatasetOperation operation =
          switch (op.getString("type")) {
            case "register" ->
                new DatasetOperation.Register(
                    params.curator(required(op, "curator")),
                    required(op, "name"),
                    required(op, "version"),
                    required(op, "contentDigest"),
                    required(op, "metadataDigest"),
                    op.getString("metadataUri", ""),
                    required(op, "license"),
                    parents(op.getJsonArray("parents", new JsonArray())));
            case "updateLicense" ->
                new DatasetOperation.UpdateLicense(
                    required(op, "dataset"), required(op, "license"));
            case "deprecate" ->
                new DatasetOperation.Deprecate(required(op, "dataset"), op.getString("reason", ""));
            default ->
                new DatasetOperation.TransferCuratorship(
                    required(op, "dataset"), params.curator(required(op, "newCurator")));
          };
      return new DatasetOperationBody(
          operation,
          body.getString("signer"),
          new BigInteger(body.getString("nonce")),
          body.getString("signature"));
    } catch (IllegalArgumentException e) {
      throw new ApiException(ApiError.INVALID_REQUEST, e.getMessage());
    }
  }

  private static String required(JsonObject op, String field) {
    String value = op.getString(field);
    if (value == null) {
      throw new ApiException(
          ApiError.INVALID_REQUEST, op.getString("type") + " needs operation." + field);
    }
    return value;
  }

  private static List<String> parents(JsonArray array) {
    List<String> parents = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      parents.add(array.getString(i));
    }
    return parents;
  }
}
