package dev.pullproof.registry.record;

import io.undertow.Undertow;
import io.undertow.server.handlers.BlockingHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * A recording proxy on loopback: real clients pull through it (as a registry or a mirror), it
 * forwards each request to the upstream registry, rewrites the upstream's token realm and its
 * redirects to storage hosts so those come through it too, and writes every exchange to {@link
 * #directory()} as a {@link Recording}. Nothing secret is written ({@link RecordedExchange}).
 *
 * <pre>{@code
 * try (Recorder recorder = Recorder.builder().upstream("http://127.0.0.1:5000").out(dir).start()) {
 *   // pull recorder.hostAndPort() + "/team/app:1.0"
 * }
 * }</pre>
 */
public final class Recorder implements AutoCloseable {
  /** Bodies larger than this are recorded as size and digest only, unless told otherwise. */
  public static final long DEFAULT_MAX_BODY = 1L << 30;

  private final Undertow server;
  private final RecordingProxy proxy;
  private final Path directory;
  private final String hostAndPort;

  private Recorder(Builder b) {
    this.directory = b.out;
    try {
      Files.createDirectories(b.out.resolve(Recording.BODIES));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the recording directory " + b.out, e);
    }
    this.proxy =
        new RecordingProxy(b.upstream, b.user, b.password, b.out, b.maxBody, b.trust, b.warnings);
    this.server =
        Undertow.builder()
            .addHttpListener(b.port, b.host)
            .setWorkerThreads(32)
            .setHandler(new BlockingHandler(proxy))
            .build();
    server.start();
    InetSocketAddress bound = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    this.hostAndPort = b.host + ":" + bound.getPort();
    proxy.save();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code 127.0.0.1:PORT}: what clients pull from. */
  public String hostAndPort() {
    return hostAndPort;
  }

  public String url() {
    return "http://" + hostAndPort;
  }

  public Path directory() {
    return directory;
  }

  /** What has been recorded so far, in the order the answers completed. */
  public List<RecordedExchange> exchanges() {
    return proxy.recording().exchanges();
  }

  /** Stops serving and writes the recording a last time. */
  @Override
  public void close() {
    server.stop();
    proxy.close();
  }

  /** Configures a {@link Recorder}; {@link #start()} binds and serves. */
  public static final class Builder {
    private URI upstream;
    private String user;
    private String password;
    private Path out;
    private String host = "127.0.0.1";
    private int port;
    private long maxBody = DEFAULT_MAX_BODY;
    private SSLContext trust;
    private Consumer<String> warnings = w -> {};

    private Builder() {}

    /** The registry to record, e.g. {@code https://registry.example:5000}. */
    public Builder upstream(String url) {
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "upstream must be a URL such as http://127.0.0.1:5000, got " + url);
      }
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "upstream must be an http or https URL such as http://127.0.0.1:5000, got " + url);
      }
      this.upstream = uri;
      return this;
    }

    /**
     * The proxy's own credentials, sent as Basic auth on requests (and token requests) that carry
     * none, so an anonymous client can record a registry that needs a login.
     */
    public Builder credentials(String user, String password) {
      if (user == null || user.isEmpty() || user.contains(":") || password == null) {
        throw new IllegalArgumentException(
            "credentials must be NAME:PASSWORD with a non-empty NAME");
      }
      this.user = user;
      this.password = password;
      return this;
    }

    /** Where the recording goes (created if absent). */
    public Builder out(Path dir) {
      this.out = Objects.requireNonNull(dir, "out");
      return this;
    }

    /** The loopback address to listen on (default 127.0.0.1). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** 0 (the default) picks a free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Bodies larger than this are recorded as size and digest only. */
    public Builder maxBody(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("maxBody must be 0 or more, got " + bytes);
      }
      this.maxBody = bytes;
      return this;
    }

    /** Trusts the upstream's certificates through this context (a private CA). */
    public Builder trust(SSLContext context) {
      this.trust = context;
      return this;
    }

    /** Receives one line for each thing the recording could not keep as the upstream sent it. */
    public Builder warnings(Consumer<String> sink) {
      this.warnings = Objects.requireNonNull(sink, "warnings");
      return this;
    }

    public Recorder start() {
      if (upstream == null || out == null) {
        throw new IllegalArgumentException("a recorder needs an upstream URL and an out directory");
      }
      return new Recorder(this);
    }
  }
}
