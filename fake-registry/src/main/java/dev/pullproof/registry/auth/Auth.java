package dev.pullproof.registry.auth;

import io.undertow.server.HttpHandler;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a registry authenticates, ready to wire: the {@link Authenticator} to call for every API
 * request and, for token auth, the token endpoint handler to mount (at the path the realm names).
 * Immutable; the {@code with} methods return changed copies.
 *
 * <pre>{@code
 * Auth.none();
 * Auth.basic(Users.of("alice", "secret"));
 * Auth.basic(users, Grants.builder().allow("alice", "library/*", "pull").build());
 * Auth.token(TokenService.builder().service("registry.test").build(), () -> baseUrl + "/token")
 *     .withUsers(users)
 *     .withGrants(grants);
 * }</pre>
 *
 * The token endpoint handler must run on a worker thread in blocking mode (behind a {@code
 * BlockingHandler}) and after the handler that renders RegistryException.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">distribution: token
 *     authentication</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7235">RFC 7235</a>
 */
public final class Auth {
  /** The Basic realm when none is given. */
  public static final String DEFAULT_REALM = "pullproof";

  private final Users users;
  private final Grants grants;
  private final String basicRealm;
  private final TokenService tokens;
  private final Supplier<String> tokenRealm;
  private final Authenticator authenticator;
  private final TokenEndpoint tokenEndpoint;

  private Auth(
      boolean basic,
      Users users,
      Grants grants,
      String basicRealm,
      TokenService tokens,
      Supplier<String> tokenRealm) {
    this.users = users;
    this.grants = grants;
    this.basicRealm = basicRealm;
    this.tokens = tokens;
    this.tokenRealm = tokenRealm;
    if (tokens != null) {
      authenticator = new TokenAuthenticator(tokens, tokenRealm, grants);
      tokenEndpoint = new TokenEndpoint(tokens, users, grants);
    } else {
      authenticator =
          basic ? new BasicAuthenticator(basicRealm, users, grants) : Authenticator.NONE;
      tokenEndpoint = null;
    }
  }

  /** No authentication: every request is anonymous and allowed. */
  public static Auth none() {
    return new Auth(false, Users.none(), Grants.defaults(), DEFAULT_REALM, null, null);
  }

  /** Basic auth; with default grants every user may do everything, anonymous clients nothing. */
  public static Auth basic(Users users) {
    return basic(users, Grants.defaults());
  }

  public static Auth basic(Users users, Grants grants) {
    return new Auth(true, users, grants, DEFAULT_REALM, null, null);
  }

  /**
   * Token auth with no users yet (anonymous tokens only): add them with {@link #withUsers}.
   *
   * @param realm the token endpoint's absolute URL, read at each challenge (the port may be known
   *     only once the server has started); it may point at another server
   */
  public static Auth token(TokenService tokens, Supplier<String> realm) {
    return new Auth(false, Users.none(), Grants.defaults(), DEFAULT_REALM, tokens, realm);
  }

  /** The accounts for Basic auth or the token endpoint; {@link #none()} ignores them. */
  public Auth withUsers(Users newUsers) {
    return new Auth(isBasic(), newUsers, grants, basicRealm, tokens, tokenRealm);
  }

  /** Who may do what, for Basic auth or the token endpoint; {@link #none()} ignores them. */
  public Auth withGrants(Grants newGrants) {
    return new Auth(isBasic(), users, newGrants, basicRealm, tokens, tokenRealm);
  }

  /** The realm of Basic challenges (Basic auth only). */
  public Auth withBasicRealm(String realm) {
    return new Auth(isBasic(), users, grants, realm, tokens, tokenRealm);
  }

  /** Call for every API request (not for the token endpoint itself). */
  public Authenticator authenticator() {
    return authenticator;
  }

  /** The token endpoint handler; present only for token auth. */
  public Optional<HttpHandler> tokenEndpoint() {
    return Optional.ofNullable(tokenEndpoint);
  }

  /** The token service; present only for token auth. */
  public Optional<TokenService> tokenService() {
    return Optional.ofNullable(tokens);
  }

  private boolean isBasic() {
    return authenticator instanceof BasicAuthenticator;
  }

  @Override
  public String toString() {
    String kind = tokens != null ? "token" : isBasic() ? "basic" : "none";
    return "Auth[" + kind + ", " + users + "]";
  }
}
