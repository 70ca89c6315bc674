package dev.pullproof.registry.internal.http;

import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a method the route does not serve with UNSUPPORTED (405) and an {@code Allow} header. It
 * runs before authentication, so a wrong method is never challenged for credentials.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6">RFC 9110, 405</a>
 */
final class MethodCheckHandler implements HttpHandler {
  private static final Map<Class<? extends Route>, Set<String>> METHODS =
      Map.of(
          Route.Base.class, Set.of("GET", "HEAD"),
          Route.Catalog.class, Set.of("GET"),
          Route.Token.class, Set.of("GET", "POST"),
          Route.Manifest.class, Set.of("GET", "HEAD", "PUT", "DELETE"),
          Route.Blob.class, Set.of("GET", "HEAD", "DELETE"),
          Route.UploadStart.class, Set.of("POST"),
          Route.Upload.class, Set.of("GET", "PATCH", "PUT", "DELETE"),
          Route.TagsList.class, Set.of("GET"),
          Route.Referrers.class, Set.of("GET"));

  private final HttpHandler next;

  MethodCheckHandler(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    Route route = Exchanges.route(exchange);
    String method = exchange.getRequestMethod().toString();
    Set<String> allowed = METHODS.get(route.getClass());
    if (!allowed.contains(method)) {
      throw ErrorCode.UNSUPPORTED
          .exception(method + " is not allowed on " + route.kind())
          .withHeader("Allow", String.join(", ", allowed.stream().sorted().toList()));
    }
    next.handleRequest(exchange);
  }
}
