package dev.pullproof.registry.fault;

import java.util.function.UnaryOperator;

/**
 * What a rule can match on, read once from a request.
 *
 * @param host the Host header (may carry a port), or empty
 * @param repository the route's repository, or null
 * @param reference the manifest tag or digest, or the blob digest, or null
 * @param header a header's first value by name, or null when the request lacks it
 */
record RequestFacts(
    String host,
    String method,
    RouteKind kind,
    String repository,
    String reference,
    UnaryOperator<String> header) {
  RequestFacts {
    header = header == null ? name -> null : header;
  }
}
