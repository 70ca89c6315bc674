package dev.pullproof.registry;

import dev.pullproof.registry.auth.Authenticator;
import io.undertow.server.HttpHandler;
import java.time.Clock;

/** Configures a {@link FakeRegistry}; {@link #start()} binds and serves. */
public final class FakeRegistryBuilder {
  private String host = "127.0.0.1";
  private int port;
  private int workerThreads = 64;
  private Clock clock = Clock.systemUTC();
  private Authenticator authenticator = Authenticator.NONE;
  private String tokenPath;
  private HttpHandler tokenEndpoint;

  FakeRegistryBuilder() {}

  /**
   * The address to listen on: 127.0.0.1 by default; other loopback addresses (127.0.0.2...) work.
   */
  public FakeRegistryBuilder host(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must be an address such as 127.0.0.2");
    }
    this.host = host;
    return this;
  }

  /** 0 (the default) picks a free port. */
  public FakeRegistryBuilder port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
    }
    this.port = port;
    return this;
  }

  /** Threads serving requests; each concurrent blob download holds one. */
  public FakeRegistryBuilder workerThreads(int workerThreads) {
    if (workerThreads < 1) {
      throw new IllegalArgumentException("workerThreads must be at least 1");
    }
    this.workerThreads = workerThreads;
    return this;
  }

  public FakeRegistryBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  public FakeRegistryBuilder authenticator(Authenticator authenticator) {
    this.authenticator = authenticator;
    return this;
  }

  /** Hosts a token endpoint at {@code path} (e.g. {@code /token}) on this server. */
  public FakeRegistryBuilder tokenEndpoint(String path, HttpHandler endpoint) {
    if (path == null || !path.startsWith("/") || path.startsWith("/v2")) {
      throw new IllegalArgumentException("token path must start with / and not with /v2: " + path);
    }
    this.tokenPath = path;
    this.tokenEndpoint = endpoint;
    return this;
  }

  public FakeRegistry start() {
    return new FakeRegistry(this, FakeRegistry.freshContent());
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  int workerThreads() {
    return workerThreads;
  }

  Clock clock() {
    return clock;
  }

  Authenticator authenticator() {
    return authenticator;
  }

  String tokenPath() {
    return tokenPath;
  }

  HttpHandler tokenEndpoint() {
    return tokenEndpoint;
  }
}
