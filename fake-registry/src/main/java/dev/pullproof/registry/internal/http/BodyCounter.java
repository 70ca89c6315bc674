package dev.pullproof.registry.internal.http;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Counts the request body bytes actually received, after transfer decoding: the journal's size of a
 * chunked body (which has no Content-Length) or of one that stopped short.
 */
final class BodyCounter extends ObservedSource {
  private final AtomicLong count;

  BodyCounter(StreamSourceConduit next, AtomicLong count) {
    super(next);
    this.count = count;
  }

  @Override
  void saw(ByteBuffer dst, int from, int n) {
    count.addAndGet(n);
  }
}
