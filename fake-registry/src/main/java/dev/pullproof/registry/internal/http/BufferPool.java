package dev.pullproof.registry.internal.http;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Direct buffers for streaming blobs, reused across requests: off the heap, so serving large blobs
 * keeps the heap flat, and pooled, so native memory is not left waiting for a GC.
 */
final class BufferPool {
  private final int bufferSize;
  private final int maxPooled;
  private final ConcurrentLinkedQueue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pooled = new AtomicInteger();

  BufferPool(int bufferSize, int maxPooled) {
    this.bufferSize = bufferSize;
    this.maxPooled = maxPooled;
  }

  ByteBuffer take() {
    ByteBuffer buffer = free.poll();
    if (buffer == null) {
      return ByteBuffer.allocateDirect(bufferSize);
    }
    pooled.decrementAndGet();
    return buffer.clear();
  }

  void give(ByteBuffer buffer) {
    if (pooled.incrementAndGet() <= maxPooled) {
      free.offer(buffer);
    } else {
      pooled.decrementAndGet();
    }
  }
}
