package dev.pullproof.registry.fault;

import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import org.xnio.IoUtils;
import org.xnio.Options;
import org.xnio.channels.StreamSourceChannel;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.ConduitWritableByteChannel;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSinkConduit;

/**
 * Sits on a response body and applies one body fault as the bytes pass: cuts the connection after N
 * bytes (truncate: FIN, reset: RST), inverts one byte, paces to a bandwidth, or stalls. Counts body
 * bytes only; the status line and headers go out with the first bytes written below it. Every write
 * path (arrays, final writes, file transfers) funnels through {@link #write(ByteBuffer)}.
 */
final class FaultingConduit extends AbstractStreamSinkConduit<StreamSinkConduit> {
  private final HttpServerExchange exchange;
  private final Fault fault;
  private final Faults faults;
  private long sent;
  private boolean stalled;
  private boolean cut;
  private long paceStart = -1;

  FaultingConduit(StreamSinkConduit next, HttpServerExchange exchange, Fault fault, Faults faults) {
    super(next);
    this.exchange = exchange;
    this.fault = fault;
    this.faults = faults;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    if (cut) {
      throw new IOException("fault " + fault.describe() + ": connection already cut");
    }
    if (!src.hasRemaining()) {
      return 0;
    }
    long allowed = src.remaining();
    if (fault instanceof Fault.Truncate t) {
      allowed = Math.min(allowed, t.afterBytes() - sent);
    } else if (fault instanceof Fault.Reset r) {
      allowed = Math.min(allowed, r.afterBytes() - sent);
    } else if (fault instanceof Fault.Stall s && !stalled) {
      if (sent >= s.afterBytes()) {
        stall(s);
      } else {
        allowed = Math.min(allowed, s.afterBytes() - sent);
      }
    } else if (fault instanceof Fault.Corrupt c
        && c.atByte() >= sent
        && c.atByte() < sent + allowed) {
      if (c.atByte() == sent) {
        return corruptOne(src);
      }
      allowed = c.atByte() - sent;
    } else if (fault instanceof Fault.Bandwidth b) {
      allowed = Math.min(allowed, pace(b.bytesPerSecond()));
    }
    if (allowed <= 0) {
      cut();
      throw new IOException("fault " + fault.describe() + ": connection cut");
    }
    int written = writeAtMost(src, (int) allowed);
    sent += written;
    return written;
  }

  private int writeAtMost(ByteBuffer src, int max) throws IOException {
    int limit = src.limit();
    src.limit(src.position() + Math.min(max, src.remaining()));
    try {
      return next.write(src);
    } finally {
      src.limit(limit);
    }
  }

  private int corruptOne(ByteBuffer src) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1).put(0, (byte) ~src.get(src.position()));
    int written = next.write(one);
    if (written == 1) {
      src.position(src.position() + 1);
      sent++;
    }
    return written;
  }

  /**
   * Sends what is buffered (the headers at least), then waits: for the duration, or without end
   * until the client closes its side or the registry closes.
   */
  private void stall(Fault.Stall s) throws IOException {
    flushNext();
    stalled = true;
    if (s.duration() != null) {
      faults.sleep(s.duration());
      return;
    }
    while (faults.sleep(ClientWatch.POLL) && !ClientWatch.gone(exchange)) {
      // Polling frees the worker thread soon after the client gives up.
    }
    cut();
    throw new IOException("fault " + fault.describe() + ": client or registry gone");
  }

  /** Bytes the rate allows now, sleeping until it allows some; chunks of about 1/20 s. */
  private long pace(long bytesPerSecond) throws IOException {
    long now = System.nanoTime();
    if (paceStart < 0) {
      paceStart = now;
    }
    long chunk = Math.max(1, bytesPerSecond / 20);
    long dueNanos = (long) ((sent + chunk) * 1e9 / bytesPerSecond);
    long waitNanos = dueNanos - (now - paceStart);
    if (waitNanos > 0) {
      flushNext();
      faults.sleep(Duration.ofNanos(waitNanos));
    }
    return chunk;
  }

  private void flushNext() throws IOException {
    while (!next.flush()) {
      next.awaitWritable();
    }
  }

  /** Ends the connection: a FIN after the bytes sent, or an RST for a reset. */
  private void cut() throws IOException {
    if (cut) {
      return;
    }
    cut = true;
    flushNext();
    exchange.setPersistent(false);
    if (fault instanceof Fault.Reset) {
      exchange.getConnection().setOption(Options.CLOSE_ABORT, true);
    }
    IoUtils.safeClose(exchange.getConnection());
  }

  @Override
  public long write(ByteBuffer[] srcs, int offs, int len) throws IOException {
    long total = 0;
    for (int i = offs; i < offs + len; i++) {
      int expected = srcs[i].remaining();
      int written = write(srcs[i]);
      total += written;
      if (written < expected) {
        break;
      }
    }
    return total;
  }

  @Override
  public int writeFinal(ByteBuffer src) throws IOException {
    return Conduits.writeFinalBasic(this, src);
  }

  @Override
  public long writeFinal(ByteBuffer[] srcs, int offs, int len) throws IOException {
    return Conduits.writeFinalBasic(this, srcs, offs, len);
  }

  @Override
  public long transferFrom(FileChannel src, long position, long count) throws IOException {
    return src.transferTo(position, count, new ConduitWritableByteChannel(this));
  }

  @Override
  public long transferFrom(StreamSourceChannel source, long count, ByteBuffer throughBuffer)
      throws IOException {
    return IoUtils.transfer(source, count, throughBuffer, new ConduitWritableByteChannel(this));
  }
}
