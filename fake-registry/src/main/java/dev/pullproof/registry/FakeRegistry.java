package dev.pullproof.registry;

import dev.pullproof.registry.content.BlobStore;
import dev.pullproof.registry.content.RegistryContent;
import dev.pullproof.registry.fault.Faults;
import dev.pullproof.registry.internal.http.HandlerChain;
import dev.pullproof.registry.journal.Journal;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.registry.tls.TlsConfig;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.xnio.Options;
import org.xnio.SslClientAuthMode;

/**
 * A real OCI distribution registry for tests, in the shape of MockWebServer: build it, it listens
 * (port 0 by default), point clients at {@link #url()}, inspect {@link #journal()}, close it.
 *
 * <pre>{@code
 * try (FakeRegistry registry = FakeRegistry.builder().start()) {
 *   registry.content() ... // seed images
 *   // pull from registry.url()
 *   registry.journal().assertRequested("GET /v2/ -> 200");
 * }
 * }</pre>
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md">OCI
 *     distribution spec</a>
 */
public final class FakeRegistry implements AutoCloseable {
  private final Undertow server;
  private final RegistryContent content;
  private final Journal journal;
  private final InetSocketAddress address;
  private final String scheme;
  private final Faults faults;

  FakeRegistry(FakeRegistryBuilder config, RegistryContent content) {
    this.content = content;
    this.journal = new Journal();
    this.faults = new Faults(config.clock());
    config.faultRules().forEach(faults::add);
    HttpHandler chain =
        new HandlerChain(
                journal,
                config.clock(),
                config.authenticator(),
                config.tokenPath(),
                config.tokenEndpoint(),
                faults,
                config.beforeAuth(),
                config.afterAuth(content))
            .build(content, config.workerThreads());
    Undertow.Builder undertow = Undertow.builder();
    TlsConfig tls = config.tls();
    if (tls == null) {
      undertow.addHttpListener(config.port(), config.host());
    } else {
      undertow.addHttpsListener(
          config.port(), config.host(), tls.serverContext(bindAddress(config.host())));
      if (tls.clientCertificatesRequired()) {
        undertow.setSocketOption(Options.SSL_CLIENT_AUTH_MODE, SslClientAuthMode.REQUIRED);
      }
    }
    this.scheme = tls == null ? "http" : "https";
    this.server =
        undertow
            .setWorkerThreads(config.workerThreads())
            .setServerOption(UndertowOptions.MAX_HEADER_SIZE, HandlerChain.MAX_HEADER_BYTES * 4)
            .setServerOption(UndertowOptions.ALLOW_ENCODED_SLASH, false)
            // Blob uploads are as large as layers; Undertow's default caps bodies at 2 MiB.
            .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, Long.MAX_VALUE)
            .setServerOption(UndertowOptions.ENABLE_HTTP2, false)
            .setHandler(chain)
            .build();
    server.start();
    this.address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
  }

  public static FakeRegistryBuilder builder() {
    return new FakeRegistryBuilder();
  }

  /** {@code http://host:port} ({@code https} with TLS), without a trailing slash. */
  public String url() {
    return scheme + "://" + hostAndPort();
  }

  /** {@code host:port}, the form image references use. */
  public String hostAndPort() {
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  public int port() {
    return address.getPort();
  }

  public Journal journal() {
    return journal;
  }

  /** The registry's repositories and blobs, for seeding images in code. */
  public RegistryContent content() {
    return content;
  }

  /**
   * The fault rules, changeable while the registry serves: {@code registry.faults().add(rule)}
   * returns a handle that removes it.
   */
  public Faults faults() {
    return faults;
  }

  /** Waits for the next request the registry completes, like MockWebServer's takeRequest. */
  public JournalEntry takeRequest(Duration timeout) throws InterruptedException {
    return journal.takeRequest(timeout);
  }

  @Override
  public void close() {
    faults.close();
    server.stop();
    content.close();
  }

  private static InetAddress bindAddress(String host) {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("host " + host + " is not an address: " + e.getMessage());
    }
  }

  static RegistryContent freshContent() {
    return new RegistryContent(BlobStore.temporary());
  }
}
