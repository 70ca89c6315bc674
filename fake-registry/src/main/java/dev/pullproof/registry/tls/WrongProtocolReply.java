package dev.pullproof.registry.tls;

/**
 * How a listener answers a client speaking the other protocol: plain HTTP to a TLS port, or a TLS
 * handshake to a plain-HTTP port. Servers differ here, and the client's error text follows.
 */
public enum WrongProtocolReply {
  /**
   * TLS port, default: the TLS library's own answer to bytes that are no handshake record (a fatal
   * alert, then close), as Java servers and most proxies give.
   */
  TLS_ALERT,
  /**
   * TLS port: {@code HTTP/1.0 400 Bad Request} and {@code Client sent an HTTP request to an HTTPS
   * server.}, as Go's servers answer (net/http). Plain port, default: {@code HTTP/1.1 400 Bad
   * Request} with the spec's error body.
   */
  HTTP_400,
  /** Plain port: the error body alone, no status line, as some proxies answer a handshake. */
  BARE_BODY;

  /** Whether a listener with (or without) TLS can answer this way. */
  public boolean fits(boolean tls) {
    return this == HTTP_400 || (this == TLS_ALERT) == tls;
  }
}
