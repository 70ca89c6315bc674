package dev.pullproof.registry.fault;

import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

/** Notices a client that gave up while a fault holds its request. */
final class ClientWatch {
  /** How often a held request checks on its client. */
  static final Duration POLL = Duration.ofMillis(100);

  private ClientWatch() {}

  /**
   * True once the client's side reads as closed (EOF or reset). Only asked once the request was
   * read in full, so anything readable is the end of the connection.
   */
  static boolean gone(HttpServerExchange exchange) {
    if (!exchange.isRequestComplete()
        || !(exchange.getConnection() instanceof AbstractServerConnection connection)) {
      return false;
    }
    try {
      return connection.getOriginalSourceConduit().read(ByteBuffer.allocate(1)) < 0;
    } catch (IOException e) {
      return true;
    }
  }
}
