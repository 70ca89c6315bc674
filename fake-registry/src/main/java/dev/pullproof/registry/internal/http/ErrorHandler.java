package dev.pullproof.registry.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.RegistryException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that writes error bodies: renders a {@link RegistryException} as the spec's {@code
 * {"errors":[{"code","message","detail"}]}} with its status and headers. Anything else thrown is a
 * registry bug, answered as UNKNOWN (500) and logged.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes">
 *     error codes</a>
 */
final class ErrorHandler implements HttpHandler {
  private static final Logger LOG = Logger.getLogger(ErrorHandler.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpHandler next;

  ErrorHandler(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    exchange.addDefaultResponseListener(ErrorHandler::readBodyBeforeAnswering);
    try {
      next.handleRequest(exchange);
    } catch (RegistryException e) {
      render(exchange, e);
    } catch (IOException e) {
      // Before the response starts, an I/O error is the request body breaking off (the client
      // stopped short of its Content-Length or went away): the client's error, not the server's.
      exchange.setPersistent(false);
      if (!exchange.isResponseStarted()) {
        render(exchange, bodyBrokeOff(e));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "registry bug answering " + exchange.getRequestPath(), e);
      render(exchange, ErrorCode.UNKNOWN.exception(e.toString()));
    }
  }

  /**
   * Ending an exchange whose response has not started, Undertow reads the rest of the request body
   * before it writes the response, and closes the connection unanswered if that read fails (a
   * malformed chunk, a body cut short): e.g. a HEAD, whose answer has no body to start it. Reading
   * the rest here first turns that failure into a spec error instead.
   *
   * @return true when the error was answered (Undertow then ends the exchange no further)
   */
  private static boolean readBodyBeforeAnswering(HttpServerExchange exchange) {
    if (exchange.isResponseStarted()
        || exchange.isRequestComplete()
        || exchange.isInIoThread()
        || !exchange.isBlocking()
        || !exchange.getConnection().isOpen()) {
      return false;
    }
    try {
      exchange.getInputStream().transferTo(OutputStream.nullOutputStream());
      return false;
    } catch (IOException e) {
      exchange.setPersistent(false);
      render(exchange, bodyBrokeOff(e));
      return true;
    }
  }

  private static RegistryException bodyBrokeOff(IOException e) {
    return ErrorCode.SIZE_INVALID.exception(
        "the request body ended before its declared length or its chunked framing broke: "
            + e.getMessage());
  }

  /** The spec's JSON error body for {@code e}. */
  static byte[] body(RegistryException e) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putArray("errors").addObject();
    error.put("code", e.code().name());
    error.put("message", e.getMessage());
    if (e.detail() != null) {
      error.put("detail", e.detail());
    }
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Writes the error response, unless the response already started (then closes). */
  static void render(HttpServerExchange exchange, RegistryException e) {
    exchange.putAttachment(Exchanges.ERROR_CODE, e.code().name());
    if (!exchange.getConnection().isOpen()) {
      // Undertow closed it (its chunk decoder does on malformed framing): nothing is answered.
      exchange.setStatusCode(0);
      return;
    }
    if (exchange.isResponseStarted()) {
      exchange.setPersistent(false);
      return;
    }
    // Headers a handler set before failing (digests, ranges) describe a success that never came.
    String apiVersion = exchange.getResponseHeaders().getFirst(RouteParsingHandler.API_VERSION);
    exchange.getResponseHeaders().clear();
    if (apiVersion != null) {
      exchange.getResponseHeaders().put(RouteParsingHandler.API_VERSION, apiVersion);
    }
    exchange.setStatusCode(e.status());
    for (Map.Entry<String, String> h : e.headers().entrySet()) {
      exchange.getResponseHeaders().put(HttpString.tryFromString(h.getKey()), h.getValue());
    }
    byte[] bytes = body(e);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.length);
    if (!exchange.getRequestMethod().toString().equals("HEAD")) {
      exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(bytes));
    } else {
      exchange.endExchange();
    }
  }
}
