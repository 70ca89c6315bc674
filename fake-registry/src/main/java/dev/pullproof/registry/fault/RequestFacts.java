package dev.pullproof.registry.fault;

/**
 * What a rule can match on, read once from a request.
 *
 * @param host the Host header (may carry a port), or empty
 * @param repository the route's repository, or null
 * @param reference the manifest tag or digest, or the blob digest, or null
 */
record RequestFacts(
    String host, String method, RouteKind kind, String repository, String reference) {}
