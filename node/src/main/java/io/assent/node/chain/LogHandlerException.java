package io.assent.node.chain;

/** A log handler threw: the range is not applied, and the follower will try it again. */
public final class LogHandlerException extends RuntimeException {

  LogHandlerException(LogHandler handler, ChainLog log, RuntimeException cause) {
    super(
        handler.getClass().getSimpleName()
            + " failed on the log "
            + log.logIndex()
            + " of block "
            + log.blockNumber()
            + ": "
            + cause.getMessage(),
        cause);
  }
}
