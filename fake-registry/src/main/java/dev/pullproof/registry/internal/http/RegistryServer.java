package dev.pullproof.registry.internal.http;

import dev.pullproof.registry.journal.Journal;
import dev.pullproof.registry.tls.WrongProtocolReply;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.SslClientAuthMode;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * The listening socket, wired by hand rather than through {@code Undertow.builder()} so that every
 * accepted connection passes through {@link ConnectionTap} first: a request Undertow's parser
 * rejects is then answered with a spec error body and journaled like any other.
 */
public final class RegistryServer implements AutoCloseable {
  /**
   * Every thread the server starts is named {@code "<THREAD_NAME> I/O-n"}, {@code "... task-n"}.
   */
  public static final String THREAD_NAME = "fake-registry";

  /** Request and response buffers: one per connection in flight, so 16 KiB keeps 200 at 3 MiB. */
  private static final int BUFFER_BYTES = 16 * 1024;

  private static final int THREAD_LOCAL_BUFFERS = 4;

  private final XnioWorker worker;
  private final AcceptingChannel<? extends StreamConnection> channel;

  /**
   * @param ssl null for plain HTTP
   * @param wrongProtocol how to answer the other protocol: plain HTTP on TLS, TLS on plain HTTP
   */
  public RegistryServer(
      ServerSettings settings,
      SSLContext ssl,
      WrongProtocolReply wrongProtocol,
      HttpHandler root,
      Journal journal,
      Clock clock) {
    if (!wrongProtocol.fits(ssl != null)) {
      throw new IllegalArgumentException(
          "a " + (ssl == null ? "plain-HTTP" : "TLS") + " port cannot answer " + wrongProtocol);
    }
    Xnio xnio = Xnio.getInstance(Undertow.class.getClassLoader());
    try {
      this.worker =
          xnio.createWorker(
              OptionMap.builder()
                  .set(Options.WORKER_NAME, THREAD_NAME)
                  .set(Options.WORKER_IO_THREADS, settings.ioThreads())
                  // A fixed pool: core = max, so load cannot grow it past workerThreads.
                  .set(Options.WORKER_TASK_CORE_THREADS, settings.workerThreads())
                  .set(Options.WORKER_TASK_MAX_THREADS, settings.workerThreads())
                  .set(Options.TCP_NODELAY, true)
                  .set(Options.CORK, true)
                  .getMap());
      HttpOpenListener open = new HttpOpenListener(bufferPool(settings), undertowOptions(settings));
      ConnectionTap taps =
          new ConnectionTap(journal, clock, wrongProtocol == WrongProtocolReply.BARE_BODY);
      open.setRootHandler(taps.claiming(root));
      ChannelListener<StreamConnection> tapped =
          connection -> {
            taps.install(connection);
            open.handleEvent(connection);
          };
      @SuppressWarnings({"rawtypes", "unchecked"})
      ChannelListener<AcceptingChannel<StreamConnection>> accept =
          (ChannelListener) ChannelListeners.openListenerAdapter(tapped);
      InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
      OptionMap socket = socketOptions(settings);
      if (ssl != null && wrongProtocol == WrongProtocolReply.HTTP_400) {
        PlainOnTlsPort sniff =
            new PlainOnTlsPort(
                new UndertowXnioSsl(xnio, OptionMap.create(Options.USE_DIRECT_BUFFERS, true), ssl),
                socket,
                settings.clientCertificatesRequired(),
                tapped,
                journal,
                clock);
        @SuppressWarnings({"rawtypes", "unchecked"})
        ChannelListener<AcceptingChannel<StreamConnection>> sniffing =
            (ChannelListener) ChannelListeners.openListenerAdapter(sniff::accept);
        this.channel = worker.createStreamConnectionServer(address, sniffing, socket);
      } else {
        this.channel =
            ssl == null
                ? worker.createStreamConnectionServer(address, accept, socket)
                : sslServer(xnio, ssl, address, accept, socket);
      }
      channel.resumeAccepts();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Direct buffers, pooled up to what every thread can hold at once: with Undertow's default (-1)
   * each buffer past the thread-local caches is allocated and freed per use; beyond the bound they
   * are freed at once rather than left for a GC, so native memory stays bounded.
   */
  private static DefaultByteBufferPool bufferPool(ServerSettings settings) {
    int threads = settings.ioThreads() + settings.workerThreads();
    return new DefaultByteBufferPool(true, BUFFER_BYTES, 2 * threads, THREAD_LOCAL_BUFFERS);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private AcceptingChannel<? extends StreamConnection> sslServer(
      Xnio xnio,
      SSLContext ssl,
      InetSocketAddress address,
      ChannelListener accept,
      OptionMap socket)
      throws IOException {
    return new UndertowXnioSsl(xnio, OptionMap.create(Options.USE_DIRECT_BUFFERS, true), ssl)
        .createSslConnectionServer(worker, address, accept, socket);
  }

  private static OptionMap socketOptions(ServerSettings settings) {
    OptionMap.Builder socket =
        OptionMap.builder()
            .set(Options.WORKER_IO_THREADS, settings.ioThreads())
            .set(Options.TCP_NODELAY, true)
            .set(Options.REUSE_ADDRESSES, true)
            .set(Options.BALANCING_TOKENS, 1)
            .set(Options.BALANCING_CONNECTIONS, 2)
            .set(Options.BACKLOG, 1000);
    if (settings.clientCertificatesRequired()) {
      socket.set(Options.SSL_CLIENT_AUTH_MODE, SslClientAuthMode.REQUIRED);
    }
    return socket.getMap();
  }

  private static OptionMap undertowOptions(ServerSettings settings) {
    return OptionMap.builder()
        .set(UndertowOptions.MAX_HEADER_SIZE, HandlerChain.MAX_HEADER_BYTES * 4)
        .set(UndertowOptions.ALLOW_ENCODED_SLASH, false)
        // Blob uploads are as large as layers; Undertow's default caps bodies at 2 MiB.
        .set(UndertowOptions.MAX_ENTITY_SIZE, Long.MAX_VALUE)
        .set(UndertowOptions.ENABLE_HTTP2, false)
        .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) settings.headerTimeout().toMillis())
        .set(UndertowOptions.NO_REQUEST_TIMEOUT, (int) settings.idleTimeout().toMillis())
        .set(UndertowOptions.IDLE_TIMEOUT, (int) settings.idleTimeout().toMillis())
        .getMap();
  }

  public InetSocketAddress address() {
    return channel.getLocalAddress(InetSocketAddress.class);
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // Closing a listening socket fails only if it is already closed.
    }
    worker.shutdown();
    try {
      if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
