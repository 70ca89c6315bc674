package dev.pullproof.registry.internal.http;

import dev.pullproof.registry.journal.Journal;
import dev.pullproof.registry.journal.JournalEntry;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.xnio.Buffers;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.StreamConnection;
import org.xnio.conduits.PushBackStreamSourceConduit;
import org.xnio.ssl.SslConnection;

/**
 * A TLS port that answers a plain-HTTP request as Go's servers do: it reads the first bytes of each
 * connection; a TLS handshake record (0x16) is pushed back and the connection goes on as TLS,
 * anything else gets {@code HTTP/1.0 400 Bad Request} and {@code Client sent an HTTP request to an
 * HTTPS server.}, then the connection closes. The refused request is journaled (route kind {@code
 * plain-http}).
 *
 * @see <a href="https://pkg.go.dev/net/http#Server.ServeTLS">Go net/http: ServeTLS</a>
 */
final class PlainOnTlsPort {
  static final byte[] GO_REPLY =
      ("HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n")
          .getBytes(StandardCharsets.ISO_8859_1);
  private static final int HANDSHAKE = 0x16;
  private static final long LINGER_SECONDS = 2;

  private final UndertowXnioSsl ssl;
  private final OptionMap options;
  private final boolean clientCertificates;
  private final ChannelListener<StreamConnection> next;
  private final Journal journal;
  private final Clock clock;

  PlainOnTlsPort(
      UndertowXnioSsl ssl,
      OptionMap options,
      boolean clientCertificates,
      ChannelListener<StreamConnection> next,
      Journal journal,
      Clock clock) {
    this.ssl = ssl;
    this.options = options;
    this.clientCertificates = clientCertificates;
    this.next = next;
    this.journal = journal;
    this.clock = clock;
  }

  /** Waits for the connection's first bytes, then hands it on as TLS or refuses it. */
  void accept(StreamConnection connection) {
    long started = System.nanoTime();
    ByteBuffer first = ByteBuffer.allocate(HandlerChain.MAX_HEADER_BYTES);
    connection
        .getSourceChannel()
        .getReadSetter()
        .set(
            channel -> {
              int read;
              try {
                read = channel.read(first);
              } catch (IOException e) {
                IoUtils.safeClose(connection);
                return;
              }
              if (read == 0) {
                return;
              }
              channel.suspendReads();
              channel.getReadSetter().set(null);
              if (read < 0) {
                IoUtils.safeClose(connection);
              } else if ((first.get(0) & 0xff) == HANDSHAKE) {
                first.flip();
                handOn(connection, first);
              } else {
                refuse(connection, first, started);
              }
            });
    connection.getSourceChannel().resumeReads();
  }

  private void handOn(StreamConnection connection, ByteBuffer read) {
    PushBackStreamSourceConduit pushBack =
        new PushBackStreamSourceConduit(connection.getSourceChannel().getConduit());
    pushBack.pushBack(Buffers.pooledWrapper(read));
    connection.getSourceChannel().setConduit(pushBack);
    SslConnection tls = ssl.wrapExistingConnection(connection, options, false);
    if (clientCertificates) {
      UndertowXnioSsl.getSslEngine(tls).setNeedClientAuth(true);
    }
    next.handleEvent(tls);
  }

  private void refuse(StreamConnection connection, ByteBuffer read, long started) {
    read.flip();
    String head = StandardCharsets.ISO_8859_1.decode(read.duplicate()).toString();
    int end = head.indexOf('\r') >= 0 ? head.indexOf('\r') : head.indexOf('\n');
    String[] line = (end < 0 ? head : head.substring(0, end)).split(" ", 3);
    try {
      connection.getSinkChannel().write(ByteBuffer.wrap(GO_REPLY));
      connection.getSinkChannel().shutdownWrites();
      connection.getSinkChannel().flush();
    } catch (IOException e) {
      IoUtils.safeClose(connection);
    }
    record(connection, line, read.remaining(), started);
    // Closing with unread input would reset the connection before the client reads the reply:
    // drain until the client closes, or close after a short linger, as Go's server does.
    connection.getSourceChannel().getReadSetter().set(channel -> drain(channel, connection));
    connection.getSourceChannel().resumeReads();
    connection
        .getIoThread()
        .executeAfter(() -> IoUtils.safeClose(connection), LINGER_SECONDS, TimeUnit.SECONDS);
  }

  private static void drain(
      org.xnio.channels.StreamSourceChannel channel, StreamConnection connection) {
    ByteBuffer sink = ByteBuffer.allocate(4096);
    try {
      while (true) {
        sink.clear();
        int n = channel.read(sink);
        if (n < 0) {
          IoUtils.safeClose(connection);
          return;
        }
        if (n == 0) {
          return;
        }
      }
    } catch (IOException e) {
      IoUtils.safeClose(connection);
    }
  }

  private void record(StreamConnection connection, String[] line, long bytes, long started) {
    journal.record(
        new JournalEntry(
            journal.begin(),
            clock.instant(),
            ConnectionTap.client(connection),
            null,
            ConnectionTap.clip(line.length > 0 ? line[0] : ""),
            ConnectionTap.clip(line.length > 1 ? line[1] : ""),
            null,
            400,
            bytes,
            GO_REPLY.length,
            Duration.ofNanos(System.nanoTime() - started),
            "plain-http",
            null,
            null,
            null,
            "",
            null,
            null,
            null));
  }
}
