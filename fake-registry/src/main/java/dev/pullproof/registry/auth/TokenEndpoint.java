package dev.pullproof.registry.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.Principal;
import dev.pullproof.registry.protocol.RegistryException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The token endpoint (the realm of bearer challenges). Runs on a worker thread with the exchange in
 * blocking mode; errors are thrown as RegistryException for the error handler to render.
 *
 * <ul>
 *   <li>{@code GET ?service=&scope=&scope=&offline_token=&client_id=}, anonymous or with Basic
 *       credentials; answers {@code token}, {@code access_token}, {@code expires_in}, {@code
 *       issued_at} and, for {@code offline_token=true} with credentials, {@code refresh_token}.
 *   <li>{@code POST} form with {@code grant_type} {@code password} or {@code refresh_token}, {@code
 *       service}, {@code client_id}, {@code scope}, {@code access_type}; answers {@code
 *       access_token}, {@code expires_in}, {@code issued_at}, {@code scope} and {@code
 *       refresh_token} (a new one for {@code access_type=offline}, the same one when refreshing).
 * </ul>
 *
 * <p>Without anonymous tokens ({@link TokenService#anonymousTokens()}), a GET without credentials
 * is UNAUTHORIZED too. Bad credentials or an unknown refresh token are UNAUTHORIZED (401; a GET
 * also gets {@code Basic realm="<issuer>"}). A missing or wrong {@code service}, a malformed scope,
 * a missing POST field or an unknown {@code grant_type} are 400 (see {@link BadRequest}). The token
 * holds the intersection of the requested and granted access; anonymous clients get public pulls
 * only.
 *
 * <p>Sets {@link Exchanges#PRINCIPAL} to who asked: scheme {@code none}, {@code basic}, {@code
 * password} or {@code refresh_token}, the subject, and the scopes the token carries.
 *
 * @see <a
 *     href="https://github.com/distribution/distribution/blob/main/docs/content/spec/auth/token.md">GET</a>
 * @see <a
 *     href="https://github.com/distribution/distribution/blob/main/docs/content/spec/auth/oauth.md">POST</a>
 */
final class TokenEndpoint implements HttpHandler {
  private final TokenService tokens;
  private final Users users;
  private final Grants grants;
  private final ObjectMapper json = new ObjectMapper();

  TokenEndpoint(TokenService tokens, Users users, Grants grants) {
    if (tokens == null || users == null || grants == null) {
      throw new IllegalArgumentException("tokens, users and grants are required");
    }
    this.tokens = tokens;
    this.users = users;
    this.grants = grants;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws JsonProcessingException {
    TokenRequest request;
    if (exchange.getRequestMethod().equals(Methods.GET)) {
      request = TokenRequest.fromQuery(exchange.getQueryParameters());
    } else if (exchange.getRequestMethod().equals(Methods.POST)) {
      request = TokenRequest.fromForm(FormBody.read(exchange));
    } else {
      throw ErrorCode.UNSUPPORTED
          .exception("the token endpoint answers GET and POST")
          .withHeader("Allow", "GET, POST");
    }
    if (!request.service().equals(tokens.service())) {
      throw BadRequest.unsupported(
          "service '" + request.service() + "' is not '" + tokens.service() + "'");
    }
    Caller caller = authenticate(exchange, request);
    String subject = caller.subject();
    if (subject == null && !tokens.anonymousTokens()) {
      throw unauthorized("this token service issues no anonymous tokens", true);
    }
    IssuedToken token = tokens.issue(subject, grant(subject, request.scopes()));
    List<String> scopes = token.access().stream().map(Scope::toString).toList();
    exchange.putAttachment(
        Exchanges.PRINCIPAL,
        new Principal(caller.scheme(), subject == null ? "anonymous" : subject, scopes));
    respond(exchange, body(request, subject, token));
  }

  /** Who asks: how they authenticated, and their username (null for an anonymous GET). */
  private record Caller(String scheme, String subject) {}

  private Caller authenticate(HttpServerExchange exchange, TokenRequest request) {
    if (request.grantType().equals(TokenRequest.PASSWORD)) {
      return new Caller("password", checked(request.username(), request.password(), false));
    }
    if (request.grantType().equals(TokenRequest.REFRESH_TOKEN)) {
      String subject =
          tokens
              .refreshTokenSubject(request.refreshToken())
              .orElseThrow(() -> unauthorized("unknown refresh token", false));
      return new Caller("refresh_token", subject);
    }
    String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    if (!BasicCredentials.isBasic(header)) {
      // Docker Hub ignores other schemes here; the client is simply anonymous.
      return new Caller("none", null);
    }
    BasicCredentials credentials;
    try {
      credentials = BasicCredentials.parse(header);
    } catch (IllegalArgumentException e) {
      throw unauthorized(e.getMessage(), true);
    }
    return new Caller("basic", checked(credentials.username(), credentials.password(), true));
  }

  private String checked(String username, String password, boolean challenge) {
    if (!users.check(username, password)) {
      throw unauthorized("invalid username or password for " + username, challenge);
    }
    return username;
  }

  private List<Scope> grant(String subject, Collection<Scope> requested) {
    List<Scope> granted = new ArrayList<>();
    for (Scope scope : requested) {
      granted.add(grants.granted(subject, scope));
    }
    return granted;
  }

  private Map<String, Object> body(TokenRequest request, String subject, IssuedToken token) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (request.grantType().equals(TokenRequest.NONE)) {
      body.put("token", token.token());
    }
    body.put("access_token", token.token());
    if (tokens.sendsExpiresIn()) {
      body.put("expires_in", token.expiresIn().toSeconds());
    }
    body.put("issued_at", DateTimeFormatter.ISO_INSTANT.format(token.issuedAt()));
    if (!request.grantType().equals(TokenRequest.NONE)) {
      body.put("scope", String.join(" ", token.access().stream().map(Scope::toString).toList()));
    }
    if (request.grantType().equals(TokenRequest.REFRESH_TOKEN)) {
      body.put("refresh_token", request.refreshToken());
    } else if (request.offline() && subject != null) {
      body.put("refresh_token", tokens.issueRefreshToken(subject));
    }
    return body;
  }

  private void respond(HttpServerExchange exchange, Map<String, Object> body)
      throws JsonProcessingException {
    exchange.setStatusCode(200);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    // RFC 6749 section 5.1: token responses must not be cached.
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(json.writeValueAsString(body));
  }

  private RegistryException unauthorized(String detail, boolean challenge) {
    RegistryException e = ErrorCode.UNAUTHORIZED.exception(detail);
    return challenge
        ? e.withHeader("WWW-Authenticate", "Basic realm=\"" + tokens.issuer() + "\"")
        : e;
  }
}
