package dev.pullproof.registry.internal.http;

import dev.pullproof.registry.protocol.ErrorCode;
import io.undertow.server.HttpServerExchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code n} and {@code last} parameters of tag and catalog listings, with a {@code Link: <...>;
 * rel="next"} header when more remain.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#listing-tags">
 *     distribution-spec: listing tags</a>
 * @see <a href="https://distribution.github.io/distribution/spec/api/#pagination">distribution API:
 *     pagination</a>
 */
final class Pagination {
  private static final int MAX_PAGE = 10_000;

  private Pagination() {}

  static List<String> page(HttpServerExchange exchange, List<String> sorted, String path) {
    String last = Responses.query(exchange, "last");
    String n = Responses.query(exchange, "n");
    List<String> after =
        last == null ? sorted : sorted.stream().filter(s -> s.compareTo(last) > 0).toList();
    if (n == null) {
      return after;
    }
    int size;
    try {
      size = Integer.parseInt(n);
    } catch (NumberFormatException e) {
      throw ErrorCode.PAGINATION_NUMBER_INVALID.exception("n must be a number, got '" + n + "'");
    }
    if (size < 0 || size > MAX_PAGE) {
      throw ErrorCode.PAGINATION_NUMBER_INVALID.exception("n must be 0 to " + MAX_PAGE);
    }
    List<String> page = after.subList(0, Math.min(size, after.size()));
    if (size > 0 && after.size() > size) {
      String next = page.get(page.size() - 1);
      exchange
          .getResponseHeaders()
          .put(
              io.undertow.util.HttpString.tryFromString("Link"),
              "<"
                  + path
                  + "?n="
                  + size
                  + "&last="
                  + URLEncoder.encode(next, StandardCharsets.UTF_8)
                  + ">; rel=\"next\"");
    }
    return page;
  }
}
