package dev.pullproof.registry.record;

import dev.pullproof.registry.record.Fetcher.Fetched;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The recorder's one handler: forwards a request, records the exchange, answers the client. The
 * token realm becomes {@value #TOKEN_PATH} on the proxy, and a redirect to another host is followed
 * at once (the target recorded too) and answered as a redirect to {@code PATH?pullproof-redirect=N}
 * on the proxy, which serves what the target sent: replay answers both the same way, offline. One
 * class (over the usual size) because each step reads what the others learned: the realm, the
 * secrets seen pass, the redirect targets kept for the client.
 */
final class RecordingProxy implements HttpHandler {
  static final String TOKEN_PATH = "/token";
  static final String REDIRECT_PARAMETER = "pullproof-redirect";
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final int MAX_REQUEST_BODY = 16 << 20;
  private static final int MAX_SCRUBBED_BODY = 1 << 20;
  private static final Pattern REALM = Pattern.compile("realm=\"([^\"]*)\"");
  private static final Pattern REDIRECT_INDEX =
      Pattern.compile("(?:^|&)" + REDIRECT_PARAMETER + "=(\\d+)");

  private final URI upstream;
  private final String basic;
  private final Path out;
  private final long maxBody;
  private final Consumer<String> warnings;
  private final Fetcher fetcher;
  private final Secrets secrets = new Secrets();
  private final List<RecordedExchange> exchanges = new ArrayList<>();
  private final Map<Integer, Fetched> redirectTargets = new ConcurrentHashMap<>();
  private final AtomicInteger redirects = new AtomicInteger();
  private volatile String realm = "";

  RecordingProxy(
      URI upstream,
      String user,
      String password,
      Path out,
      long maxBody,
      SSLContext trust,
      Consumer<String> warnings) {
    this.upstream = upstream;
    this.out = out;
    this.maxBody = maxBody;
    this.warnings = warnings;
    if (user != null) {
      this.basic =
          Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      secrets.learn(password, Secrets.PASSWORD);
      secrets.learnBasic(basic);
    } else {
      this.basic = null;
    }
    this.fetcher = new Fetcher(trust, out.resolve(Recording.BODIES));
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String method = exchange.getRequestMethod().toString();
    String path = exchange.getRequestPath();
    String query = exchange.getQueryString();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String auth = authKind(authorization);
    String user = "";
    if (auth.equals("basic")) {
      String value = authorization.substring("basic ".length()).trim();
      secrets.learnBasic(value);
      user = Secrets.basicUser(value);
    }
    byte[] body = readBody(exchange);
    boolean token = path.equals(TOKEN_PATH);
    String form =
        token && method.equals("POST")
            ? secrets.form(new String(body, StandardCharsets.UTF_8))
            : "";
    Fetched fetched;
    Matcher redirect = REDIRECT_INDEX.matcher(query);
    if (redirect.find() && redirectTargets.containsKey(Integer.parseInt(redirect.group(1)))) {
      fetched = redirectTargets.get(Integer.parseInt(redirect.group(1)));
    } else {
      try {
        fetched = forward(exchange, method, path, query, body, token, authorization == null);
      } catch (IOException e) {
        unanswered(exchange, method + " " + path, e);
        return;
      }
    }
    String self = exchange.getRequestScheme() + "://" + exchange.getHostAndPort();
    record(method, path, query, form, auth, user, exchange, fetched, token);
    answer(exchange, method, fetched, self);
    if (!redirectTargets.containsValue(fetched)) {
      Files.deleteIfExists(fetched.file());
    }
  }

  /**
   * The upstream gave no answer (refused, timed out, no realm yet): the client gets a 502 saying
   * so, and nothing is recorded, since the registry said nothing.
   */
  private void unanswered(HttpServerExchange exchange, String request, IOException e)
      throws IOException {
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    warnings.accept(
        request + ": no answer from " + upstream + " (" + reason + "); answered 502, not recorded");
    byte[] body =
        ("{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"the recorder got no answer from"
                + " the upstream\",\"detail\":"
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(reason)
                + "}]}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.setStatusCode(502);
    exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, "application/json");
    exchange.setResponseContentLength(body.length);
    try (OutputStream out = exchange.getOutputStream()) {
      out.write(body);
    }
  }

  private static String authKind(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return "none";
    }
    String scheme = authorization.trim().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    return scheme.equals("basic") ? "basic" : "bearer";
  }

  private static byte[] readBody(HttpServerExchange exchange) throws IOException {
    try (InputStream in = exchange.getInputStream()) {
      byte[] body = in.readNBytes(MAX_REQUEST_BODY + 1);
      if (body.length > MAX_REQUEST_BODY) {
        throw new IOException(
            "request body over " + MAX_REQUEST_BODY + " bytes: the recorder records pulls");
      }
      return body;
    }
  }

  private Fetched forward(
      HttpServerExchange exchange,
      String method,
      String path,
      String query,
      byte[] body,
      boolean token,
      boolean anonymous)
      throws IOException, InterruptedException {
    URI target;
    if (token) {
      if (realm.isEmpty()) {
        throw new IOException("a token request came before any challenge named a realm");
      }
      target =
          URI.create(
              realm
                  + (query.isEmpty() || method.equals("POST")
                      ? ""
                      : (realm.contains("?") ? "&" : "?") + query));
    } else {
      target = upstream.resolve(path + (query.isEmpty() ? "" : "?" + query));
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(TIMEOUT)
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (HeaderValues values : exchange.getRequestHeaders()) {
      String name = values.getHeaderName().toString();
      if (Fetcher.HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (String value : values) {
        try {
          request.header(name, value);
        } catch (IllegalArgumentException restricted) {
          // The JDK client refuses a few names it sets itself; those are its to send.
        }
      }
    }
    if (anonymous && basic != null && !(token && method.equals("POST"))) {
      request.header("Authorization", "Basic " + basic);
    }
    Fetched fetched = fetcher.fetch(request.build(), method);
    return followRedirect(fetched, exchange, path, query);
  }

  /**
   * A redirect to the upstream itself is passed on with the proxy in its place; one to another host
   * (blob storage) is followed now, its target kept for the client's follow-up request.
   */
  private Fetched followRedirect(
      Fetched fetched, HttpServerExchange exchange, String path, String query)
      throws IOException, InterruptedException {
    if (fetched.status() < 300 || fetched.status() > 399 || header(fetched, "location").isEmpty()) {
      return fetched;
    }
    URI base = upstream.resolve(path);
    URI location = base.resolve(header(fetched, "location"));
    String rewritten;
    if (sameOrigin(location, upstream)) {
      rewritten =
          RecordedExchange.SELF
              + location.getRawPath()
              + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    } else {
      HttpRequest.Builder follow = HttpRequest.newBuilder(location).timeout(TIMEOUT).GET();
      for (String name : List.of("Accept", "User-Agent", "Range")) {
        String value = exchange.getRequestHeaders().getFirst(name);
        if (value != null) {
          follow.header(name, value);
        }
      }
      Fetched target = fetcher.fetch(follow.build(), "GET");
      int n = redirects.getAndIncrement();
      redirectTargets.put(n, target);
      rewritten =
          RecordedExchange.SELF
              + path
              + "?"
              + (query.isEmpty() ? "" : query + "&")
              + REDIRECT_PARAMETER
              + "="
              + n;
      warnings.accept(
          "followed the redirect of "
              + path
              + " to "
              + location.getHost()
              + " (recorded as "
              + REDIRECT_PARAMETER
              + "="
              + n
              + ")");
    }
    List<RecordedExchange.Header> headers = new ArrayList<>();
    for (RecordedExchange.Header h : fetched.headers()) {
      headers.add(
          h.name().equalsIgnoreCase("location")
              ? new RecordedExchange.Header(h.name(), rewritten)
              : h);
    }
    return new Fetched(fetched.status(), headers, fetched.file(), fetched.size(), fetched.digest());
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0
        ? uri.getPort()
        : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  private static String header(Fetched fetched, String name) {
    return RecordedExchange.first(fetched.headers(), name);
  }

  /** Rewrites a Bearer challenge's realm to the proxy, remembering the upstream's. */
  private String challenge(String value) {
    if (!value.trim().toLowerCase(Locale.ROOT).startsWith("bearer")) {
      return value;
    }
    Matcher m = REALM.matcher(value);
    if (!m.find()) {
      return value;
    }
    synchronized (this) {
      if (realm.isEmpty()) {
        realm = m.group(1);
      } else if (!realm.equals(m.group(1))) {
        warnings.accept(
            "a challenge names a second realm "
                + m.group(1)
                + " (the first was "
                + realm
                + "): kept as the upstream sent it, so replay cannot answer it");
        return value;
      }
    }
    return value.substring(0, m.start(1))
        + RecordedExchange.SELF
        + TOKEN_PATH
        + value.substring(m.end(1));
  }

  private void record(
      String method,
      String path,
      String query,
      String form,
      String auth,
      String user,
      HttpServerExchange exchange,
      Fetched fetched,
      boolean token)
      throws IOException {
    List<RecordedExchange.Header> headers = new ArrayList<>();
    for (RecordedExchange.Header h : fetched.headers()) {
      String value = h.value();
      if (h.name().equalsIgnoreCase("www-authenticate")) {
        value = challenge(value);
      } else if (h.name().equalsIgnoreCase("set-cookie")) {
        int eq = value.indexOf('=');
        value = (eq < 0 ? "" : value.substring(0, eq + 1)) + "{{cookie}}";
      }
      headers.add(new RecordedExchange.Header(h.name(), value));
    }
    String bodyName = "";
    if (fetched.size() > 0) {
      if (token) {
        bodyName =
            store(
                secrets
                    .tokenAnswer(Files.readAllBytes(fetched.file()))
                    .getBytes(StandardCharsets.UTF_8));
      } else if (fetched.status() >= 400 && fetched.size() <= MAX_SCRUBBED_BODY) {
        bodyName =
            store(
                secrets
                    .scrub(Files.readString(fetched.file(), StandardCharsets.ISO_8859_1))
                    .getBytes(StandardCharsets.ISO_8859_1));
      } else if (fetched.size() <= maxBody) {
        bodyName = keep(fetched);
      } else {
        warnings.accept(
            method
                + " "
                + path
                + ": body of "
                + fetched.size()
                + " bytes over the limit of "
                + maxBody
                + ": recorded as size and digest only");
      }
    }
    List<RecordedExchange.Header> scrubbed = new ArrayList<>();
    for (RecordedExchange.Header h : headers) {
      scrubbed.add(new RecordedExchange.Header(h.name(), secrets.scrub(h.value())));
    }
    synchronized (exchanges) {
      RecordedExchange e =
          new RecordedExchange(
              exchanges.size(),
              method,
              path,
              secrets.scrub(query),
              form,
              auth,
              user,
              exchange.getRequestHeaders().getFirst("Accept"),
              fetched.status(),
              scrubbed,
              bodyName,
              fetched.size(),
              fetched.digest());
      exchanges.add(e);
      save();
    }
  }

  /** Stores text the recorder rewrote, named by its own digest. */
  private String store(byte[] bytes) throws IOException {
    String name = HexFormat.of().formatHex(Fetcher.sha256().digest(bytes));
    Path file = out.resolve(Recording.BODIES).resolve(name);
    if (!Files.exists(file)) {
      Path tmp = fetcher.temporary("store");
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return name;
  }

  /** Keeps the upstream's bytes as they came (manifests and blobs must match their digests). */
  private String keep(Fetched fetched) throws IOException {
    String name = fetched.digest().substring("sha256:".length());
    Path file = out.resolve(Recording.BODIES).resolve(name);
    if (!Files.exists(file)) {
      Files.copy(fetched.file(), file, StandardCopyOption.REPLACE_EXISTING);
    }
    return name;
  }

  private void answer(HttpServerExchange exchange, String method, Fetched fetched, String self)
      throws IOException {
    exchange.setStatusCode(fetched.status());
    for (RecordedExchange.Header h : fetched.headers()) {
      if (h.name().equalsIgnoreCase("content-length")) {
        continue;
      }
      String value = h.value();
      if (h.name().equalsIgnoreCase("www-authenticate")) {
        value = challenge(value).replace(RecordedExchange.SELF, self);
      }
      exchange
          .getResponseHeaders()
          .add(HttpString.tryFromString(h.name()), value.replace(RecordedExchange.SELF, self));
    }
    if (method.equals("HEAD")) {
      String length = header(fetched, "content-length");
      if (!length.isEmpty()) {
        exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_LENGTH, length);
      }
      exchange.endExchange();
      return;
    }
    exchange.setResponseContentLength(fetched.size());
    try (InputStream in = Files.newInputStream(fetched.file());
        OutputStream os = exchange.getOutputStream()) {
      in.transferTo(os);
    }
  }

  /** The recording so far. */
  Recording recording() {
    synchronized (exchanges) {
      return new Recording(upstream.toString(), realm, maxBody, exchanges);
    }
  }

  void save() {
    recording().write(out);
  }

  /** Writes the recording and removes the bodies only the proxy's clients needed. */
  void close() {
    save();
    try (var files = Files.list(out.resolve(Recording.BODIES))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith(".")).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + out.resolve(Recording.BODIES), e);
    }
  }
}
