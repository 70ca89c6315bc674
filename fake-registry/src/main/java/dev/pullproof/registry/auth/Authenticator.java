package dev.pullproof.registry.auth;

import dev.pullproof.registry.protocol.Principal;
import io.undertow.server.HttpServerExchange;

/**
 * Decides whether a request may have the access it needs. Implementations read the request's {@code
 * Authorization} header and either return who it is, or throw a RegistryException (UNAUTHORIZED
 * with a {@code WWW-Authenticate} challenge, or DENIED).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7235#section-4.1">RFC 7235, WWW-Authenticate</a>
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/#how-to-authenticate">
 *     distribution: how to authenticate</a>
 */
public interface Authenticator {
  Principal authenticate(HttpServerExchange exchange, Access required);

  /** A registry without authentication: every request is anonymous and allowed. */
  Authenticator NONE = (exchange, required) -> Principal.ANONYMOUS;
}
