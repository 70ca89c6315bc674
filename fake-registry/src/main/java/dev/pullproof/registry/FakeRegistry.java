package dev.pullproof.registry;

import dev.pullproof.registry.content.BlobStore;
import dev.pullproof.registry.content.RegistryContent;
import dev.pullproof.registry.fault.Faults;
import dev.pullproof.registry.internal.http.HandlerChain;
import dev.pullproof.registry.internal.http.RegistryServer;
import dev.pullproof.registry.internal.http.ServerSettings;
import dev.pullproof.registry.journal.Journal;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.registry.tls.TlsConfig;
import io.undertow.server.HttpHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;

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
  private final RegistryServer server;
  private final RegistryContent content;
  private final Journal journal;
  private final InetSocketAddress address;
  private final String scheme;
  private final Faults faults;

  FakeRegistry(FakeRegistryBuilder config, RegistryContent content) {
    this.content = content;
    this.journal = config.journal();
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
            .build(content, config.workerThreads(), config.lenientManifests());
    TlsConfig tls = config.tls();
    this.scheme = tls == null ? "http" : "https";
    this.server =
        new RegistryServer(
            new ServerSettings(
                config.host(),
                config.port(),
                ioThreads(),
                config.workerThreads(),
                tls != null && tls.clientCertificatesRequired(),
                config.headerTimeout(),
                config.idleTimeout()),
            tls == null ? null : tls.serverContext(bindAddress(config.host())),
            config.wrongProtocolReply(),
            chain,
            journal,
            config.clock());
    this.address = server.address();
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

  /** Stops serving; a journal file is completed (and an incomplete one reported) last. */
  @Override
  public void close() {
    try {
      faults.close();
      server.close();
      content.close();
    } finally {
      if (journal.file() != null) {
        journal.file().close();
      }
    }
  }

  /** Non-blocking parsing only (endpoints run on workers): 2 to 4 threads, whatever the cores. */
  private static int ioThreads() {
    return Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors()));
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
