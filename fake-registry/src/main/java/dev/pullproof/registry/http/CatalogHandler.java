package dev.pullproof.registry.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullproof.registry.content.RegistryContent;
import dev.pullproof.registry.protocol.RepositoryName;
import io.undertow.server.HttpServerExchange;

/** {@code GET /v2/_catalog?n=&last=}: repository names in lexical order. */
final class CatalogHandler implements RouteHandler {
  private final RegistryContent content;

  CatalogHandler(RegistryContent content) {
    this.content = content;
  }

  @Override
  public void handle(HttpServerExchange exchange) {
    var names = content.repositoryNames().stream().map(RepositoryName::value).toList();
    ObjectNode body = Responses.JSON.createObjectNode();
    Pagination.page(exchange, names, "/v2/_catalog").forEach(body.putArray("repositories")::add);
    Responses.json(exchange, 200, body);
  }
}
