package io.assent.node.api;

import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;

/**
 * Runs endpoint logic on the API's worker pool (never on the event loop) and writes its reply, or
 * hands its exception to the {@link FailureHandler}. Calls are not ordered with each other, so
 * independent requests run in parallel.
 */
public final class Blocking {
  private final WorkerExecutor workers;

  public Blocking(WorkerExecutor workers) {
    this.workers = workers;
  }

  public void respond(RoutingContext ctx, Callable<Reply> logic) {
    workers
        .executeBlocking(logic, false)
        .onSuccess(reply -> reply.writeTo(ctx))
        .onFailure(ctx::fail);
  }

  /**
   * Streams JSON Lines (one record per line) from the worker pool: {@code lines} runs there (checks
   * that throw go to the {@link FailureHandler} as usual), then its stream is written as it is
   * read, with backpressure (see {@link JsonLinesWriter}).
   */
  public void streamLines(RoutingContext ctx, Callable<java.util.stream.Stream<String>> lines) {
    workers
        .executeBlocking(
            () -> {
              try (java.util.stream.Stream<String> stream = lines.call()) {
                JsonLinesWriter.write(ctx.response(), stream);
              }
              return null;
            },
            false)
        .onFailure(ctx::fail);
  }
}
