package dev.pullproof.registry.auth;

import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.internal.http.RouteParser;
import dev.pullproof.registry.protocol.Principal;
import dev.pullproof.registry.protocol.RegistryException;
import dev.pullproof.registry.protocol.Route;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A test-only registry on 127.0.0.1 and a free port: {@code /token} is the Auth's token endpoint,
 * every {@code /v2/} path runs its authenticator and answers 200. A RegistryException becomes its
 * status and headers plus {@code X-Error-Code}; {@code X-Principal} shows the attached principal.
 */
final class TestServer implements AutoCloseable {
  private final Undertow server;
  private final Auth auth;
  private final RouteParser routes = new RouteParser("/token");

  /**
   * @param auth builds the Auth from the token endpoint URL, known once the server listens
   */
  TestServer(Function<Supplier<String>, Auth> auth) {
    Supplier<String> realm = () -> url("/token");
    this.auth = auth.apply(realm);
    server =
        Undertow.builder()
            .addHttpListener(0, "127.0.0.1")
            .setHandler(new BlockingHandler(this::handle))
            .build();
    server.start();
  }

  String url(String path) {
    InetSocketAddress address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    return "http://127.0.0.1:" + address.getPort() + path;
  }

  private void handle(HttpServerExchange exchange) throws Exception {
    exchange.addResponseCommitListener(TestServer::showPrincipal);
    try {
      Route route = routes.parse(exchange.getRequestPath());
      if (route instanceof Route.Token) {
        HttpHandler endpoint = auth.tokenEndpoint().orElseThrow();
        endpoint.handleRequest(exchange);
        return;
      }
      auth.authenticator()
          .authenticate(
              exchange, Access.required(route, exchange.getRequestMethod().toString(), null));
      exchange.getResponseSender().send("ok");
    } catch (RegistryException e) {
      exchange.setStatusCode(e.status());
      for (Map.Entry<String, String> h : e.headers().entrySet()) {
        exchange.getResponseHeaders().put(new HttpString(h.getKey()), h.getValue());
      }
      exchange.getResponseHeaders().put(new HttpString("X-Error-Code"), e.code().name());
      exchange.getResponseSender().send(e.getMessage() + ": " + e.detail());
    }
  }

  private static void showPrincipal(HttpServerExchange exchange) {
    Principal p = exchange.getAttachment(Exchanges.PRINCIPAL);
    if (p != null) {
      exchange
          .getResponseHeaders()
          .put(
              new HttpString("X-Principal"),
              p.scheme() + " " + p.identity() + " " + String.join(" ", p.scopes()));
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
