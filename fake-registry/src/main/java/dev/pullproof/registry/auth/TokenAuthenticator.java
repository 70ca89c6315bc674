package dev.pullproof.registry.auth;

import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.Principal;
import dev.pullproof.registry.protocol.RegistryException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Bearer token authentication, as distribution's token access controller does: every request needs
 * a JWT from the {@link TokenService} whose access covers every need of the request (any valid
 * token will do for a request with no needs, the {@code /v2/} check).
 *
 * <p>Otherwise the answer is UNAUTHORIZED (401) with the challenge {@code Bearer
 * realm="<realm>",service="<service>",scope="<need> <need>"}: no {@code scope} for a request
 * without needs, {@code ,error="invalid_token"} appended when the presented token is bad or
 * expired, and {@code ,error="insufficient_scope"} when it lacks access. A missing token or another
 * scheme (Basic) gets the plain challenge.
 *
 * <p>A static registry token ({@link TokenService.Builder#registryToken}) stands for its user
 * directly, with that user's grants (principal scheme {@code registry_token}).
 *
 * <p>The principal ({@code bearer}, the token's subject or {@code anonymous}, its scopes) is
 * attached as {@link Exchanges#PRINCIPAL} for every valid token, even one lacking scope.
 *
 * @see <a
 *     href="https://github.com/distribution/distribution/blob/main/docs/content/spec/auth/token.md">token
 *     spec</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3">RFC 6750 section 3</a>
 */
final class TokenAuthenticator implements Authenticator {
  private final TokenService tokens;
  private final Supplier<String> realm;
  private final Grants grants;

  /**
   * @param realm the token endpoint's absolute URL, asked for on every challenge because it may be
   *     known only once the server has started (its port)
   */
  TokenAuthenticator(TokenService tokens, Supplier<String> realm, Grants grants) {
    if (tokens == null || realm == null || grants == null) {
      throw new IllegalArgumentException("tokens, realm and grants are required");
    }
    this.tokens = tokens;
    this.realm = realm;
    this.grants = grants;
  }

  @Override
  public Principal authenticate(HttpServerExchange exchange, Access required) {
    String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      throw challenge(
          required,
          null,
          header == null ? "bearer token required" : "authorization scheme is not Bearer");
    }
    String presented = header.substring("bearer ".length()).trim();
    java.util.Optional<String> registryUser = tokens.registryTokenSubject(presented);
    if (registryUser.isPresent()) {
      return registryToken(exchange, required, registryUser.get());
    }
    TokenClaims claims;
    try {
      claims = tokens.verify(presented);
    } catch (InvalidTokenException e) {
      throw challenge(required, "invalid_token", e.getMessage());
    }
    Principal principal = new Principal("bearer", claims.identity(), claims.scopes());
    exchange.putAttachment(Exchanges.PRINCIPAL, principal);
    List<String> missing =
        required.needs().stream().filter(n -> !claims.covers(n)).map(Access.Need::scope).toList();
    if (!missing.isEmpty()) {
      throw challenge(
          required,
          "insufficient_scope",
          "token grants " + claims.scopes() + " but the request needs " + missing);
    }
    return principal;
  }

  /** A static registry token: its user's grants decide, need by need, with no token endpoint. */
  private Principal registryToken(HttpServerExchange exchange, Access required, String user) {
    List<String> missing =
        required.needs().stream()
            .filter(n -> !grants.granted(user, Scope.of(n)).covers(n))
            .map(Access.Need::scope)
            .toList();
    List<String> held =
        required.needs().stream()
            .map(Access.Need::scope)
            .filter(s -> !missing.contains(s))
            .toList();
    Principal principal = new Principal("registry_token", user, held);
    exchange.putAttachment(Exchanges.PRINCIPAL, principal);
    if (!missing.isEmpty()) {
      throw challenge(
          required, "insufficient_scope", "registry token of " + user + " lacks " + missing);
    }
    return principal;
  }

  /** The challenge for a request, with an RFC 6750 error code or none. */
  private String challengeHeader(Access required, String error) {
    StringBuilder h = new StringBuilder("Bearer realm=\"").append(realm.get()).append('"');
    h.append(",service=\"").append(tokens.service()).append('"');
    if (!required.needs().isEmpty()) {
      List<String> scopes = required.needs().stream().map(Access.Need::scope).toList();
      h.append(",scope=\"").append(String.join(" ", scopes)).append('"');
    }
    if (error != null) {
      h.append(",error=\"").append(error).append('"');
    }
    return h.toString();
  }

  private RegistryException challenge(Access required, String error, String detail) {
    return ErrorCode.UNAUTHORIZED
        .exception(detail)
        .withHeader("WWW-Authenticate", challengeHeader(required, error));
  }
}
