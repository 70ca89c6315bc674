package dev.pullproof.registry.auth;

import dev.pullproof.registry.protocol.Reference;
import dev.pullproof.registry.protocol.RepositoryName;
import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.List;

/** Exchanges and accesses for authenticator tests, without a server. */
final class Requests {
  private Requests() {}

  static HttpServerExchange exchange(String authorization) {
    HttpServerExchange exchange = new HttpServerExchange(null);
    if (authorization != null) {
      exchange.getRequestHeaders().put(Headers.AUTHORIZATION, authorization);
    }
    return exchange;
  }

  static Access pull(String repository) {
    return Access.required(
        new Route.Manifest(RepositoryName.of(repository), Reference.parse("latest")), "GET", null);
  }

  static Access push(String repository) {
    return Access.required(
        new Route.Manifest(RepositoryName.of(repository), Reference.parse("latest")), "PUT", null);
  }

  static Access mount(String repository, String from) {
    return Access.required(
        new Route.UploadStart(RepositoryName.of(repository)), "POST", RepositoryName.of(from));
  }

  static Access base() {
    return new Access(List.of());
  }
}
