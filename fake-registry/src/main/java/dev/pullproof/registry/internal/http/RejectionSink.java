package dev.pullproof.registry.internal.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.BiFunction;
import org.xnio.channels.StreamSourceChannel;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.ConduitWritableByteChannel;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSinkConduit;

/**
 * A connection's outgoing bytes. Undertow answers a request it refuses before the handlers (its
 * parser, its Host check) with an empty-bodied 400, past the journal; this conduit recognises that
 * answer ({@link Rejection}) and sends the registry's own in its place (a spec error body), and
 * tells the {@link RequestHeadTap} when any other response goes out.
 */
final class RejectionSink extends AbstractStreamSinkConduit<StreamSinkConduit> {
  private final RequestHeadTap tap;
  private final BiFunction<RequestHeadTap, Rejection, byte[]> answer;
  private final Runnable closing;
  private ByteBuffer pending;
  private boolean terminatePending;

  /**
   * @param answer the response to send for a rejected request (it also journals it)
   * @param closing runs when writes end (the connection is closing)
   */
  RejectionSink(
      StreamSinkConduit next,
      RequestHeadTap tap,
      BiFunction<RequestHeadTap, Rejection, byte[]> answer,
      Runnable closing) {
    super(next);
    this.tap = tap;
    this.answer = answer;
    this.closing = closing;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    Rejection rejection = pending == null ? Rejection.recognise(src) : null;
    if (rejection != null) {
      int consumed = src.remaining();
      src.position(src.limit());
      pending = ByteBuffer.wrap(answer.apply(tap, rejection));
      tap.answered();
      drain();
      return consumed;
    }
    if (pending != null) {
      // Nothing follows Undertow's rejection but the close; swallow it while ours drains.
      int consumed = src.remaining();
      src.position(src.limit());
      drain();
      return consumed;
    }
    tap.answered();
    return next.write(src);
  }

  @Override
  public long write(ByteBuffer[] srcs, int offs, int len) throws IOException {
    if (pending == null && len > 0 && Rejection.recognise(srcs[offs]) == null) {
      tap.answered();
      return next.write(srcs, offs, len);
    }
    long total = 0;
    for (int i = offs; i < offs + len; i++) {
      total += write(srcs[i]);
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
    if (pending != null) {
      return src.transferTo(position, count, new ConduitWritableByteChannel(this));
    }
    tap.answered();
    return next.transferFrom(src, position, count);
  }

  @Override
  public long transferFrom(StreamSourceChannel source, long count, ByteBuffer throughBuffer)
      throws IOException {
    if (pending != null) {
      return Conduits.transfer(source, count, throughBuffer, this);
    }
    tap.answered();
    return next.transferFrom(source, count, throughBuffer);
  }

  @Override
  public void terminateWrites() throws IOException {
    closing.run();
    if (pending != null && pending.hasRemaining()) {
      terminatePending = true;
      return;
    }
    next.terminateWrites();
  }

  @Override
  public boolean flush() throws IOException {
    if (!drain()) {
      return false;
    }
    if (terminatePending) {
      terminatePending = false;
      next.terminateWrites();
    }
    return next.flush();
  }

  private boolean drain() throws IOException {
    if (pending == null) {
      return true;
    }
    while (pending.hasRemaining()) {
      if (next.write(pending) == 0) {
        return false;
      }
    }
    return true;
  }
}
