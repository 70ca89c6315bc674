package dev.pullproof.registry.http;

import dev.pullproof.registry.auth.Access;
import dev.pullproof.registry.auth.Authenticator;
import dev.pullproof.registry.content.RegistryContent;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.Principal;
import dev.pullproof.registry.protocol.RepositoryName;
import dev.pullproof.registry.protocol.Route;
import dev.pullproof.registry.protocol.RouteParser;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the path into a {@link Route} once, checks the method and the request's size limits,
 * authenticates for the access the route needs, then hands over to the route's endpoint handler.
 */
public final class RoutingHandler implements HttpHandler {
  /** Larger header blocks are answered 431; Undertow itself closes at {@code 4x} this. */
  public static final int MAX_HEADER_BYTES = 16 * 1024;

  private static final HttpString API_VERSION =
      HttpString.tryFromString("Docker-Distribution-API-Version");
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

  private final RouteParser parser;
  private final Authenticator authenticator;
  private final HttpHandler tokenEndpoint;
  private final Map<Class<? extends Route>, RouteHandler> endpoints;
  private final ContentSource source;
  private final List<RouteFilter> filters;

  /**
   * @param tokenEndpoint serves {@link Route.Token}; null when this server hosts no token service
   */
  public RoutingHandler(
      RouteParser parser,
      Authenticator authenticator,
      HttpHandler tokenEndpoint,
      RegistryContent content,
      int workerThreads) {
    this(
        parser,
        authenticator,
        tokenEndpoint,
        content,
        workerThreads,
        ContentSource.LOCAL,
        List.of());
  }

  /**
   * @param source fills content before an endpoint reads it (a pull-through mirror)
   * @param filters called in order around authentication (see {@link RouteFilter})
   */
  public RoutingHandler(
      RouteParser parser,
      Authenticator authenticator,
      HttpHandler tokenEndpoint,
      RegistryContent content,
      int workerThreads,
      ContentSource source,
      List<RouteFilter> filters) {
    this.source = source;
    this.filters = List.copyOf(filters);
    this.parser = parser;
    this.authenticator = authenticator;
    this.tokenEndpoint = tokenEndpoint;
    this.endpoints =
        Map.of(
            Route.Base.class, new BaseHandler(),
            Route.Catalog.class, new CatalogHandler(content),
            Route.Manifest.class, new ManifestHandler(content),
            Route.Blob.class, new BlobHandler(content, new BlobStreamer(workerThreads)),
            Route.UploadStart.class, new UploadHandler(content),
            Route.Upload.class, new UploadHandler(content),
            Route.TagsList.class, new TagsHandler(content),
            Route.Referrers.class, new ReferrersHandler(content));
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    exchange.getResponseHeaders().put(API_VERSION, "registry/2.0");
    checkHeaderSize(exchange);
    Route route = parser.parse(exchange.getRequestPath());
    exchange.putAttachment(Exchanges.ROUTE, route);
    for (RouteFilter filter : filters) {
      if (filter.beforeAuth(exchange, route)) {
        return;
      }
    }
    String method = exchange.getRequestMethod().toString();
    Set<String> allowed = METHODS.get(route.getClass());
    if (!allowed.contains(method)) {
      throw ErrorCode.UNSUPPORTED
          .exception(method + " is not allowed on " + route.kind())
          .withHeader("Allow", String.join(", ", allowed.stream().sorted().toList()));
    }
    if (route instanceof Route.Token) {
      tokenEndpoint.handleRequest(exchange);
      return;
    }
    Principal principal =
        authenticator.authenticate(
            exchange, Access.required(route, method, mountSource(exchange, route)));
    exchange.putAttachment(Exchanges.PRINCIPAL, principal);
    for (RouteFilter filter : filters) {
      filter.afterAuth(exchange, route, principal);
    }
    source.prepare(route, exchange);
    endpoints.get(route.getClass()).handle(exchange);
  }

  private static RepositoryName mountSource(HttpServerExchange exchange, Route route) {
    String from = Responses.query(exchange, "from");
    return route instanceof Route.UploadStart
            && from != null
            && Responses.query(exchange, "mount") != null
        ? RepositoryName.of(from)
        : null;
  }

  private static void checkHeaderSize(HttpServerExchange exchange) {
    long bytes = 0;
    for (HeaderValues values : exchange.getRequestHeaders()) {
      for (String value : values) {
        bytes += values.getHeaderName().length() + value.length() + 4;
      }
    }
    if (bytes > MAX_HEADER_BYTES) {
      throw ErrorCode.UNSUPPORTED
          .withMessage("request headers too large", bytes + " bytes, limit " + MAX_HEADER_BYTES)
          .withStatus(431);
    }
  }
}
