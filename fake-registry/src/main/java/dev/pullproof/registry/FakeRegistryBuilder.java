package dev.pullproof.registry;

import dev.pullproof.registry.auth.Auth;
import dev.pullproof.registry.auth.Authenticator;
import dev.pullproof.registry.auth.Grants;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.content.RegistryContent;
import dev.pullproof.registry.fault.FaultRule;
import dev.pullproof.registry.hub.DockerHub;
import dev.pullproof.registry.journal.Journal;
import dev.pullproof.registry.journal.JournalFile;
import dev.pullproof.registry.mirror.MirrorConfig;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.record.Replay;
import dev.pullproof.registry.tls.TlsConfig;
import dev.pullproof.registry.tls.WrongProtocolReply;
import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Configures a {@link FakeRegistry}; {@link #start()} binds and serves. */
public final class FakeRegistryBuilder {
  /** Where a token auth's endpoint is mounted. */
  public static final String TOKEN_PATH = "/token";

  /** How long a client may take to send a whole request head before its connection is closed. */
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);

  /** How long a keep-alive connection may wait for its next request before it is closed. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  // The realm of a same-server token service names the port, known only once the server listens.
  private final AtomicReference<String> baseUrl = new AtomicReference<>();
  private String host = "127.0.0.1";
  private int port;
  private int workerThreads = 64;
  private Clock clock = Clock.systemUTC();
  private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
  private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
  private boolean lenientManifests = true;
  private int journalCapacity = Journal.DEFAULT_CAPACITY;
  private Path journalFile;
  private Authenticator authenticator = Authenticator.NONE;
  private String tokenPath;
  private HttpHandler tokenEndpoint;
  private TlsConfig tls;
  private WrongProtocolReply wrongProtocolReply;
  private MirrorConfig mirror;
  private final List<FaultRule> faultRules = new ArrayList<>();
  private DockerHub hub;
  private Replay replay;

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

  /**
   * The request-header timeout (default {@link #DEFAULT_HEADER_TIMEOUT}): a connection that has not
   * sent a complete request head this long after its first byte is closed, so slow-header clients
   * (slowloris) cannot hold connections. Faults that delay or stall answers are not cut by it.
   */
  public FakeRegistryBuilder headerTimeout(Duration timeout) {
    this.headerTimeout = positive("headerTimeout", timeout);
    return this;
  }

  /**
   * How many journal entries stay in memory (default {@link Journal#DEFAULT_CAPACITY}): beyond it
   * the oldest are dropped from memory and counted ({@link Journal#notKept()}); with a {@link
   * #journalFile} every entry is also on disk.
   */
  public FakeRegistryBuilder journalCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("journalCapacity must be at least 1, got " + capacity);
    }
    this.journalCapacity = capacity;
    return this;
  }

  /**
   * Writes every journal entry to {@code file} as it is recorded (a JSON array, completed when the
   * registry closes), however many stay in memory.
   */
  public FakeRegistryBuilder journalFile(Path file) {
    if (file == null) {
      throw new IllegalArgumentException("journalFile must be a path");
    }
    this.journalFile = file;
    return this;
  }

  /**
   * The idle timeout (default {@link #DEFAULT_IDLE_TIMEOUT}): a connection with no request in
   * progress is closed after this long without one.
   */
  public FakeRegistryBuilder idleTimeout(Duration timeout) {
    this.idleTimeout = positive("idleTimeout", timeout);
    return this;
  }

  /**
   * Whether a pushed manifest may reference absent non-distributable (foreign) layers and an index
   * absent child manifests (on by default, as registries that accept Windows base images and sparse
   * single-platform copies are). Off, such a push is refused with {@code MANIFEST_BLOB_UNKNOWN}.
   * The config and regular layers must be present either way.
   *
   * @see <a
   *     href="https://github.com/opencontainers/image-spec/blob/main/layer.md#non-distributable-layers">
   *     non-distributable layers</a>
   */
  public FakeRegistryBuilder lenientManifests(boolean lenient) {
    this.lenientManifests = lenient;
    return this;
  }

  private static Duration positive(String name, Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + timeout);
    }
    if (timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be under 24 days, got " + timeout);
    }
    return timeout;
  }

  public FakeRegistryBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * How requests authenticate. A token {@link Auth} also mounts its token endpoint at {@code
   * /token} on this server (whether or not its realm points here).
   */
  public FakeRegistryBuilder auth(Auth auth) {
    this.authenticator = auth.authenticator();
    auth.tokenEndpoint().ifPresent(endpoint -> tokenEndpoint(TOKEN_PATH, endpoint));
    return this;
  }

  /** Basic auth for these users; every user may pull, push and delete. */
  public FakeRegistryBuilder basicAuth(Users users) {
    return auth(Auth.basic(users));
  }

  /** Token auth with the token endpoint on this server at {@code /token}. */
  public FakeRegistryBuilder tokenAuth(TokenService tokens, Users users) {
    return tokenAuth(tokens, users, Grants.defaults());
  }

  /** Token auth with per-user grants and public repositories; the realm is this server's /token. */
  public FakeRegistryBuilder tokenAuth(TokenService tokens, Users users, Grants grants) {
    return auth(
        Auth.token(tokens, () -> baseUrl.get() + TOKEN_PATH).withUsers(users).withGrants(grants));
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

  /**
   * How to answer the other protocol: plain HTTP on a TLS port ({@link
   * WrongProtocolReply#TLS_ALERT}, the default with TLS, or {@link WrongProtocolReply#HTTP_400} as
   * Go's servers), a TLS handshake on a plain port ({@link WrongProtocolReply#HTTP_400}, the
   * default without TLS, or {@link WrongProtocolReply#BARE_BODY}). A reply the listener cannot give
   * fails {@link #start()}.
   */
  public FakeRegistryBuilder wrongProtocolReply(WrongProtocolReply reply) {
    if (reply == null) {
      throw new IllegalArgumentException("wrongProtocolReply is required (null is not a reply)");
    }
    this.wrongProtocolReply = reply;
    return this;
  }

  /** Serves HTTPS with this configuration; {@link FakeRegistry#url()} then starts https. */
  public FakeRegistryBuilder tls(TlsConfig tls) {
    this.tls = tls;
    return this;
  }

  /**
   * Installs a fault rule from the start (repeatable; tried in order). Rules can also be added and
   * removed while the registry runs, through {@link FakeRegistry#faults()}.
   */
  public FakeRegistryBuilder fault(FaultRule rule) {
    if (rule == null) {
      throw new IllegalArgumentException("fault rule is required");
    }
    faultRules.add(rule);
    return this;
  }

  /**
   * Makes this registry a pull-through mirror: what it lacks is fetched from the upstream (with the
   * upstream's credentials), stored and served; this registry's own auth still applies.
   */
  public FakeRegistryBuilder mirrorOf(MirrorConfig mirror) {
    this.mirror = mirror;
    return this;
  }

  /**
   * Behaves like Docker Hub: token auth with the hub's service name, anonymous pulls of its public
   * repositories, pull-rate-limit headers and 429s (see {@link DockerHub}).
   */
  public FakeRegistryBuilder dockerHub(DockerHub hub) {
    tokenAuth(hub.tokens(), hub.users(), hub.grants());
    this.hub = hub;
    return this;
  }

  /**
   * Answers from a recording ({@link Replay}) instead of content and auth: the recording's
   * challenges and token answers stand for auth, with tokens re-issued here. Fault rules still
   * apply first, as on any registry.
   */
  public FakeRegistryBuilder replay(Replay replay) {
    if (replay == null) {
      throw new IllegalArgumentException("replay is required");
    }
    if (hub != null || mirror != null) {
      throw new IllegalArgumentException("a replayed registry is neither Docker Hub nor a mirror");
    }
    this.replay = replay;
    this.authenticator = Authenticator.NONE;
    // The replay answers /token itself; the endpoint behind it is never reached.
    tokenEndpoint(
        TOKEN_PATH,
        exchange -> {
          throw ErrorCode.NOT_FOUND.exception(TOKEN_PATH);
        });
    return this;
  }

  public FakeRegistry start() {
    FakeRegistry registry = new FakeRegistry(this, FakeRegistry.freshContent());
    baseUrl.set(registry.url());
    return registry;
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

  Duration headerTimeout() {
    return headerTimeout;
  }

  Duration idleTimeout() {
    return idleTimeout;
  }

  Journal journal() {
    return new Journal(
        journalCapacity, journalFile == null ? null : JournalFile.create(journalFile));
  }

  boolean lenientManifests() {
    return lenientManifests;
  }

  Authenticator authenticator() {
    return authenticator;
  }

  String tokenPath() {
    return tokenPath;
  }

  List<FaultRule> faultRules() {
    return faultRules;
  }

  /** Chain steps between the faults and authentication. */
  List<HandlerWrapper> beforeAuth() {
    return hub == null ? List.of() : List.of(hub.abuseLimit(clock));
  }

  /** Chain steps between authentication and the endpoint, outermost first. */
  List<HandlerWrapper> afterAuth(RegistryContent content) {
    List<HandlerWrapper> steps = new ArrayList<>();
    if (replay != null) {
      steps.add(replay.handler(clock));
    }
    if (hub != null) {
      steps.add(hub.pullLimit(clock));
    }
    if (mirror != null) {
      steps.add(mirror.pullThrough(content));
    }
    return steps;
  }

  HttpHandler tokenEndpoint() {
    return tokenEndpoint;
  }

  TlsConfig tls() {
    return tls;
  }

  WrongProtocolReply wrongProtocolReply() {
    if (wrongProtocolReply == null) {
      return tls == null ? WrongProtocolReply.HTTP_400 : WrongProtocolReply.TLS_ALERT;
    }
    if (!wrongProtocolReply.fits(tls != null)) {
      throw new IllegalArgumentException(
          (tls == null ? "a plain-HTTP registry" : "a TLS registry")
              + " cannot answer the other protocol with "
              + wrongProtocolReply
              + (tls == null ? ": use HTTP_400 or BARE_BODY" : ": use TLS_ALERT or HTTP_400"));
    }
    return wrongProtocolReply;
  }
}
