package dev.pullproof.registry.auth;

import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.Principal;
import dev.pullproof.registry.protocol.RegistryException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.List;

/**
 * HTTP Basic authentication against {@link Users}, authorized by {@link Grants}, as distribution's
 * htpasswd access controller does. Missing or wrong credentials are UNAUTHORIZED (401) with {@code
 * WWW-Authenticate: Basic realm="<realm>"}; a known user without the grant is DENIED (403).
 * Requests that only pull public repositories pass anonymously; the {@code /v2/} check (no needs)
 * always asks for credentials, so {@code docker login} works.
 *
 * <p>On success, and on DENIED, the principal ({@code basic}, username, the needed scopes) is
 * attached as {@link Exchanges#PRINCIPAL} so the journal knows who asked.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7617">RFC 7617</a>
 */
final class BasicAuthenticator implements Authenticator {
  private final String realm;
  private final Users users;
  private final Grants grants;

  BasicAuthenticator(String realm, Users users, Grants grants) {
    if (realm == null || realm.isBlank() || realm.contains("\"")) {
      throw new IllegalArgumentException("realm must be non-blank without '\"': " + realm);
    }
    if (users == null || grants == null) {
      throw new IllegalArgumentException("users and grants are required");
    }
    this.realm = realm;
    this.users = users;
    this.grants = grants;
  }

  @Override
  public Principal authenticate(HttpServerExchange exchange, Access required) {
    List<String> scopes = required.needs().stream().map(Access.Need::scope).toList();
    String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    if (header == null) {
      if (!required.needs().isEmpty() && allGranted(null, required)) {
        return attach(exchange, new Principal("none", "anonymous", scopes));
      }
      throw challenge("authentication required");
    }
    BasicCredentials credentials;
    try {
      credentials = BasicCredentials.parse(header);
    } catch (IllegalArgumentException e) {
      throw challenge(e.getMessage());
    }
    if (!users.check(credentials.username(), credentials.password())) {
      throw challenge("invalid username or password for " + credentials.username());
    }
    Principal principal = attach(exchange, new Principal("basic", credentials.username(), scopes));
    if (!allGranted(credentials.username(), required)) {
      throw ErrorCode.DENIED.exception(
          "user " + credentials.username() + " is not granted " + String.join(" ", scopes));
    }
    return principal;
  }

  private boolean allGranted(String subject, Access required) {
    return required.needs().stream()
        .allMatch(need -> grants.granted(subject, Scope.of(need)).covers(need));
  }

  private RegistryException challenge(String detail) {
    return ErrorCode.UNAUTHORIZED
        .exception(detail)
        .withHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
  }

  private static Principal attach(HttpServerExchange exchange, Principal principal) {
    exchange.putAttachment(Exchanges.PRINCIPAL, principal);
    return principal;
  }
}
