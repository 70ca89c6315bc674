package dev.pullproof.registry.internal.http;

import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.xnio.channels.StreamSinkChannel;

/**
 * Writes a byte range of a blob file to the response through a pooled direct buffer.
 *
 * <p>Measured on loopback (ci/bench-registry): 256 KiB direct-buffer copies outran both sendfile
 * ({@code transferFrom}) and Debian's distribution registry at 1, 8 and 32 clients, and the same
 * path will carry byte-level faults (bandwidth limits, truncation) that sendfile cannot.
 */
final class BlobStreamer {
  /** Bytes per read/write; 64 KiB to 1 MiB were measured, 256 KiB was fastest. */
  static final int BUFFER_BYTES = 256 * 1024;

  private final BufferPool buffers;

  BlobStreamer(int maxPooledBuffers) {
    this.buffers = new BufferPool(BUFFER_BYTES, maxPooledBuffers);
  }

  /** Sends {@code length} bytes from {@code first}; Content-Length must already be set. */
  void send(HttpServerExchange exchange, FileChannel file, long first, long length)
      throws IOException {
    StreamSinkChannel sink = exchange.getResponseChannel();
    ByteBuffer buffer = buffers.take();
    try {
      long position = first;
      long end = first + length;
      while (position < end) {
        buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
        int read = file.read(buffer, position);
        if (read < 0) {
          throw new IOException("blob file ended at " + position + " of " + end);
        }
        position += read;
        buffer.flip();
        while (buffer.hasRemaining()) {
          if (sink.write(buffer) == 0) {
            sink.awaitWritable();
          }
        }
      }
      sink.shutdownWrites();
      while (!sink.flush()) {
        sink.awaitWritable();
      }
    } finally {
      buffers.give(buffer);
    }
  }
}
