package dev.pullproof.registry.auth;

import dev.pullproof.registry.protocol.Principal;
import io.undertow.server.HttpServerExchange;

/**
 * Decides whether a request may have the access it needs. Implementations read the request's {@code
 * Authorization} header and either return who it is, or throw a RegistryException (UNAUTHORIZED
 * with a {@code WWW-Authenticate} challenge, or DENIED).
 */
public interface Authenticator {
  Principal authenticate(HttpServerExchange exchange, Access required);

  /** A registry without authentication: every request is anonymous and allowed. */
  Authenticator NONE = (exchange, required) -> Principal.ANONYMOUS;
}
