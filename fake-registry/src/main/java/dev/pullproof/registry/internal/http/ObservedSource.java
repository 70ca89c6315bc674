package dev.pullproof.registry.internal.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitReadableByteChannel;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSourceConduit;

/** A source conduit that shows each run of bytes read to {@link #saw} and changes nothing. */
abstract class ObservedSource extends AbstractStreamSourceConduit<StreamSourceConduit> {
  ObservedSource(StreamSourceConduit next) {
    super(next);
  }

  /** Bytes {@code from} to {@code from + n} of {@code dst} were just read; {@code n} may be 0. */
  abstract void saw(ByteBuffer dst, int from, int n);

  @Override
  public final int read(ByteBuffer dst) throws IOException {
    int from = dst.position();
    int n = next.read(dst);
    if (n > 0) {
      saw(dst, from, n);
    }
    return n;
  }

  @Override
  public final long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
    long total = 0;
    for (int i = offs; i < offs + len; i++) {
      if (!dsts[i].hasRemaining()) {
        continue;
      }
      int n = read(dsts[i]);
      if (n < 0) {
        return total == 0 ? -1 : total;
      }
      total += n;
      if (dsts[i].hasRemaining()) {
        break;
      }
    }
    return total;
  }

  @Override
  public final long transferTo(long position, long count, FileChannel target) throws IOException {
    return target.transferFrom(new ConduitReadableByteChannel(this), position, count);
  }

  @Override
  public final long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target)
      throws IOException {
    return Conduits.transfer(this, count, throughBuffer, target);
  }
}
