package io.assent.node.chain;

import java.io.IOException;

/** The JSON-RPC endpoint answered, with an error: it is reachable, but refused the call. */
final class JsonRpcErrorException extends IOException {

  JsonRpcErrorException(String method, int code, String message) {
    super(method + " failed: JSON-RPC error " + code + ": " + message);
  }
}
