package dev.pullproof.registry.internal.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.xnio.channels.StreamSourceChannel;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.ConduitWritableByteChannel;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSinkConduit;

/**
 * A connection's outgoing bytes. Undertow answers a request its parser rejects with a fixed
 * empty-bodied 400 written straight to the socket, past every handler; this conduit recognises that
 * answer and sends the registry's own in its place (a spec error body), and tells the {@link
 * RequestHeadTap} when any other response goes out.
 */
final class RejectionSink extends AbstractStreamSinkConduit<StreamSinkConduit> {
  static final byte[] UNDERTOW_BAD_REQUEST =
      "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.ISO_8859_1);

  private final RequestHeadTap tap;
  private final Function<RequestHeadTap, byte[]> answer;
  private ByteBuffer pending;
  private boolean terminatePending;

  /**
   * @param answer the response to send for a rejected request (it also journals it)
   */
  RejectionSink(
      StreamSinkConduit next, RequestHeadTap tap, Function<RequestHeadTap, byte[]> answer) {
    super(next);
    this.tap = tap;
    this.answer = answer;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    if (pending == null && startsWithRejection(src)) {
      int consumed = src.remaining();
      src.position(src.limit());
      pending = ByteBuffer.wrap(answer.apply(tap));
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
    if (pending == null && len > 0 && !startsWithRejection(srcs[offs])) {
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

  private static boolean startsWithRejection(ByteBuffer src) {
    if (src.remaining() < UNDERTOW_BAD_REQUEST.length) {
      return false;
    }
    for (int i = 0; i < UNDERTOW_BAD_REQUEST.length; i++) {
      if (src.get(src.position() + i) != UNDERTOW_BAD_REQUEST[i]) {
        return false;
      }
    }
    return true;
  }
}
