package io.assent.node.api;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a stream of lines as a chunked {@code application/jsonl} 200 response, from a worker
 * thread: lines are gathered into chunks of about 64 KiB and each chunk is written only after the
 * previous one left (so a slow reader holds the worker, not the node's memory). The first line is
 * read before the head is written, so a failure there is still a problem+json answer; a failure
 * later resets the connection (the client sees an incomplete body, never a silently short one).
 */
final class JsonLinesWriter {
  static final String MEDIA_TYPE = "application/jsonl";
  private static final Logger LOG = LoggerFactory.getLogger(JsonLinesWriter.class);
  private static final int CHUNK = 64 * 1024;
  private static final long WRITE_TIMEOUT_SECONDS = 60;

  private JsonLinesWriter() {}

  static void write(HttpServerResponse response, Stream<String> lines) throws Exception {
    Iterator<String> it = lines.iterator();
    StringBuilder chunk = new StringBuilder(CHUNK + 1024);
    if (it.hasNext()) {
      chunk.append(it.next()).append('\n');
    }
    response.setStatusCode(200).putHeader("Content-Type", MEDIA_TYPE).setChunked(true);
    try {
      while (it.hasNext()) {
        chunk.append(it.next()).append('\n');
        if (chunk.length() >= CHUNK) {
          await(response.write(buffer(chunk)));
          chunk.setLength(0);
        }
      }
      if (!chunk.isEmpty()) {
        await(response.write(buffer(chunk)));
      }
      await(response.end());
    } catch (Exception e) {
      LOG.warn("JSON Lines stream aborted: {}", String.valueOf(e));
      response.reset();
    }
  }

  private static Buffer buffer(StringBuilder chunk) {
    return Buffer.buffer(chunk.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void await(Future<Void> write)
      throws InterruptedException, ExecutionException, TimeoutException {
    write.toCompletionStage().toCompletableFuture().get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
