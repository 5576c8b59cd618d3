package io.assent.node.store;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Native handles (iterators, write batches) still open, so that whoever releases one first closes
 * it exactly once: the stream or transaction that owns it, or the store when it closes.
 */
final class NativeResources {

  private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();

  <T extends AutoCloseable> T register(T resource) {
    open.add(resource);
    return resource;
  }

  boolean isOpen(AutoCloseable resource) {
    return open.contains(resource);
  }

  /** Closes the resource unless it was already released. */
  void release(AutoCloseable resource) {
    if (open.remove(resource)) {
      closeQuietly(resource);
    }
  }

  void releaseAll() {
    for (AutoCloseable resource : Set.copyOf(open)) {
      release(resource);
    }
  }

  int size() {
    return open.size();
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      throw new StorageException("cannot close a native handle", e);
    }
  }
}
