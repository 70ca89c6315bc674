package dev.pullproof.registry.internal.http;

import dev.pullproof.registry.auth.Access;
import dev.pullproof.registry.auth.Authenticator;
import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.RepositoryName;
import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Authenticates each API request for the access its route and method need, and attaches who it is.
 * A refused request never reaches {@code next}: the authenticator's RegistryException carries the
 * challenge. The token endpoint's own requests pass untouched; it authenticates its callers itself.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7235#section-3.1">RFC 7235, 401</a>
 */
final class AuthHandler implements HttpHandler {
  private final Authenticator authenticator;
  private final HttpHandler next;

  AuthHandler(Authenticator authenticator, HttpHandler next) {
    this.authenticator = authenticator;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    Route route = Exchanges.route(exchange);
    if (!(route instanceof Route.Token)) {
      String method = exchange.getRequestMethod().toString();
      exchange.putAttachment(
          Exchanges.PRINCIPAL,
          authenticator.authenticate(
              exchange, Access.required(route, method, mountSource(exchange, route))));
    }
    next.handleRequest(exchange);
  }

  /** A cross-repository mount also needs pull on the repository it mounts from. */
  private static RepositoryName mountSource(HttpServerExchange exchange, Route route) {
    String from = Responses.query(exchange, "from");
    return route instanceof Route.UploadStart
            && from != null
            && Responses.query(exchange, "mount") != null
        ? RepositoryName.of(from)
        : null;
  }
}
