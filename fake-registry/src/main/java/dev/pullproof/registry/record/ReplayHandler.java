package dev.pullproof.registry.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullproof.registry.auth.InvalidTokenException;
import dev.pullproof.registry.auth.IssuedToken;
import dev.pullproof.registry.auth.TokenClaims;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.Principal;
import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers requests from a {@link Recording} (see {@link Replay}). */
final class ReplayHandler implements HttpHandler {
  private final Path directory;
  private final Replay.Unrecorded policy;
  private final TokenService tokens;
  private final HttpHandler next;
  private final Map<Key, List<RecordedExchange>> answers = new LinkedHashMap<>();
  private final Map<Key, AtomicInteger> cursors = new ConcurrentHashMap<>();
  private final String challenge;
  private final ObjectMapper json = new ObjectMapper();

  ReplayHandler(
      Recording recording,
      Path directory,
      Replay.Unrecorded policy,
      TokenService tokens,
      HttpHandler next) {
    this.directory = directory;
    this.policy = policy;
    this.tokens = tokens;
    this.next = next;
    String bearer = "";
    for (RecordedExchange e : recording.exchanges()) {
      answers.computeIfAbsent(Key.of(e), k -> new ArrayList<>()).add(e);
      String value = e.header("www-authenticate");
      if (bearer.isEmpty() && value.toLowerCase(Locale.ROOT).startsWith("bearer")) {
        bearer = value;
      }
    }
    this.challenge = bearer;
  }

  /** What makes two requests the same to the recording. */
  record Key(String method, String path, String query, String form, String auth, String user) {
    static Key of(RecordedExchange e) {
      return new Key(
          e.method(), e.path(), Secrets.formKey(e.query()), e.form(), e.auth(), e.user());
    }
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String method = exchange.getRequestMethod().toString();
    String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    String auth = "none";
    String user = "";
    Principal principal = Principal.ANONYMOUS;
    if (authorization != null && !authorization.isBlank()) {
      String[] parts = authorization.trim().split("\\s+", 2);
      String credentials = parts.length > 1 ? parts[1] : "";
      if (parts[0].equalsIgnoreCase("basic")) {
        auth = "basic";
        user = Secrets.basicUser(credentials);
        principal = new Principal("basic", user, List.of());
      } else {
        auth = "bearer";
        try {
          TokenClaims claims = tokens.verify(credentials);
          principal = new Principal("bearer", claims.identity(), claims.scopes());
        } catch (InvalidTokenException e) {
          rejectToken(exchange, e);
          return;
        }
      }
    }
    exchange.putAttachment(Exchanges.PRINCIPAL, principal);
    String form = "";
    boolean token = Exchanges.route(exchange) instanceof Route.Token;
    if (token && method.equals("POST")) {
      try (InputStream in = exchange.getInputStream()) {
        form = Secrets.formKey(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    Key key =
        new Key(
            method,
            exchange.getRequestPath(),
            Secrets.formKey(exchange.getQueryString()),
            form,
            auth,
            user);
    List<RecordedExchange> recorded = answers.get(key);
    if (recorded == null) {
      unrecorded(exchange, token, principal);
      return;
    }
    int n = cursors.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
    RecordedExchange answer = recorded.get(Math.min(n, recorded.size() - 1));
    exchange.putAttachment(Exchanges.REPLAY, "recorded #" + answer.index());
    answer(exchange, answer, token ? user : null, token);
  }

  /** A bearer token not issued here, or expired: the recorded challenge, now naming the error. */
  private void rejectToken(HttpServerExchange exchange, InvalidTokenException e) {
    exchange.putAttachment(Exchanges.REPLAY, "token refused: " + e.getMessage());
    if (challenge.isEmpty()) {
      throw ErrorCode.UNAUTHORIZED.exception(
          "the recording has no bearer challenge and this token was not issued by the replay");
    }
    throw ErrorCode.UNAUTHORIZED
        .exception(e.getMessage())
        .withHeader(
            "WWW-Authenticate",
            self(exchange, challenge.replaceAll(",?\\s*error=\"[^\"]*\"", ""))
                + ",error=\"invalid_token\"");
  }

  private void unrecorded(HttpServerExchange exchange, boolean token, Principal principal)
      throws Exception {
    String request =
        exchange.getRequestMethod()
            + " "
            + exchange.getRequestPath()
            + (exchange.getQueryString().isEmpty() ? "" : "?" + exchange.getQueryString())
            + " ["
            + principal.scheme()
            + "]";
    if (policy == Replay.Unrecorded.FAIL) {
      exchange.putAttachment(Exchanges.REPLAY, "not recorded: failed");
      throw ErrorCode.UNKNOWN.withMessage(
          "request not in the recording",
          request + " was not recorded (unrecorded = \"fail\"): record it, or use \"not-found\"");
    }
    exchange.putAttachment(Exchanges.REPLAY, "not recorded: answered as an unknown name");
    if (token) {
      IssuedToken issued = tokens.issue(principal.identity(), List.of());
      ObjectNode body = json.createObjectNode();
      body.put("token", issued.token());
      body.put("access_token", issued.token());
      body.put("expires_in", issued.expiresIn().toSeconds());
      body.put("issued_at", DateTimeFormatter.ISO_INSTANT.format(issued.issuedAt()));
      send(exchange, 200, body.toString().getBytes(StandardCharsets.UTF_8));
      return;
    }
    next.handleRequest(exchange);
  }

  private void answer(HttpServerExchange exchange, RecordedExchange e, String user, boolean token)
      throws IOException {
    String method = exchange.getRequestMethod().toString();
    if (e.bodyMissing()) {
      exchange.putAttachment(Exchanges.REPLAY, "recorded #" + e.index() + ": body not recorded");
      throw ErrorCode.UNKNOWN.withMessage(
          "body not recorded",
          e.summary()
              + ": the upstream sent "
              + e.size()
              + " bytes ("
              + e.digest()
              + "), over the recording's limit; record again with a larger --max-body");
    }
    exchange.setStatusCode(e.status());
    for (RecordedExchange.Header h : e.headers()) {
      if (h.name().equalsIgnoreCase("content-length") && !method.equals("HEAD")) {
        continue;
      }
      exchange
          .getResponseHeaders()
          .add(HttpString.tryFromString(h.name()), self(exchange, h.value()));
    }
    if (e.status() >= 400) {
      errorCode(e).ifPresent(code -> exchange.putAttachment(Exchanges.ERROR_CODE, code));
    }
    if (method.equals("HEAD") || e.body().isEmpty()) {
      if (!method.equals("HEAD")) {
        exchange.setResponseContentLength(0);
      }
      exchange.endExchange();
      return;
    }
    Path file = Recording.body(directory, e);
    if (token && e.status() == 200) {
      send(exchange, e.status(), reissue(Files.readAllBytes(file), user));
      return;
    }
    exchange.setResponseContentLength(Files.size(file));
    try (InputStream in = Files.newInputStream(file);
        OutputStream out = exchange.getOutputStream()) {
      in.transferTo(out);
    }
  }

  /** The recorded token answer with fresh tokens in place of its placeholders. */
  private byte[] reissue(byte[] recorded, String user) throws IOException {
    JsonNode node = json.readTree(recorded);
    if (!(node instanceof ObjectNode body)) {
      return recorded;
    }
    String subject = user == null || user.isEmpty() ? null : user;
    IssuedToken issued = tokens.issue(subject, List.of());
    for (String field : Secrets.TOKEN_FIELDS) {
      if (Secrets.TOKEN.equals(body.path(field).asText(null))) {
        body.put(field, issued.token());
      }
    }
    if (Secrets.REFRESH_TOKEN.equals(body.path("refresh_token").asText(null))) {
      body.put("refresh_token", tokens.issueRefreshToken(subject == null ? "anonymous" : subject));
    }
    if (body.has("issued_at")) {
      body.put("issued_at", DateTimeFormatter.ISO_INSTANT.format(issued.issuedAt()));
    }
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  private java.util.Optional<String> errorCode(RecordedExchange e) {
    if (e.body().isEmpty()) {
      return java.util.Optional.empty();
    }
    try {
      JsonNode code =
          json.readTree(Recording.body(directory, e).toFile()).path("errors").path(0).path("code");
      return code.isTextual() ? java.util.Optional.of(code.asText()) : java.util.Optional.empty();
    } catch (IOException notJson) {
      return java.util.Optional.empty();
    }
  }

  private static void send(HttpServerExchange exchange, int status, byte[] body)
      throws IOException {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.setResponseContentLength(body.length);
    try (OutputStream out = exchange.getOutputStream()) {
      out.write(body);
    }
  }

  private static String self(HttpServerExchange exchange, String value) {
    return value.replace(
        RecordedExchange.SELF, exchange.getRequestScheme() + "://" + exchange.getHostAndPort());
  }
}
