package dev.pullproof.registry.fault;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.xnio.IoUtils;
import org.xnio.Options;

/**
 * Carries out one fault on an exchange: answers it, delays it, or wraps its response body in a
 * {@link FaultingConduit}. Status faults are thrown as spec errors for the error handler to render.
 */
final class FaultApplier {
  private final Faults faults;

  FaultApplier(Faults faults) {
    this.faults = faults;
  }

  /** Returns true when the exchange is answered (or its connection gone) and must not continue. */
  boolean apply(HttpServerExchange exchange, Fault fault) throws IOException {
    if (fault instanceof Fault.None) {
      return false;
    }
    if (fault instanceof Fault.Status status) {
      var error = status.code().withMessage(messageOf(status), null).withStatus(status.status());
      status.headers().forEach(error::withHeader);
      throw error;
    }
    if (fault instanceof Fault.Delay delay) {
      return delay(exchange, delay.duration());
    }
    if (fault instanceof Fault.Close) {
      drop(exchange, false);
      return true;
    }
    if (fault instanceof Fault.Reset reset && reset.afterBytes() == 0) {
      drop(exchange, true);
      return true;
    }
    if (fault instanceof Fault.HtmlPage page) {
      exchange.getResponseHeaders().clear();
      exchange.setStatusCode(page.status());
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
      byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
      exchange.getResponseSender().send(ByteBuffer.wrap(body));
      return true;
    }
    if (fault instanceof Fault.Redirect redirect) {
      String query = exchange.getQueryString();
      exchange.setStatusCode(redirect.status());
      exchange
          .getResponseHeaders()
          .put(
              Headers.LOCATION,
              redirect.target()
                  + exchange.getRequestPath()
                  + (query == null || query.isEmpty() ? "" : "?" + query));
      exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
      exchange.endExchange();
      return true;
    }
    exchange.addResponseWrapper(
        (factory, ex) -> new FaultingConduit(factory.create(), ex, fault, faults));
    return false;
  }

  /**
   * Holds the request for {@code duration} (null: until the registry closes), checking on the
   * client: one that gives up ends the hold, and the journal shows status 0 and how long it waited.
   */
  private boolean delay(HttpServerExchange exchange, Duration duration) throws IOException {
    long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    while (true) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      Duration slice =
          left < ClientWatch.POLL.toNanos() ? Duration.ofNanos(left) : ClientWatch.POLL;
      if (!faults.sleep(slice)) {
        return false;
      }
      if (ClientWatch.gone(exchange)) {
        drop(exchange, false);
        return true;
      }
    }
  }

  private static String messageOf(Fault.Status status) {
    return status.message() == null ? status.code().message() : status.message();
  }

  /**
   * Closes the connection with no response; {@code reset} sends a TCP RST instead of a FIN. The
   * journal shows status 0: nothing was answered.
   */
  static void drop(HttpServerExchange exchange, boolean reset) throws IOException {
    exchange.setStatusCode(0);
    exchange.setPersistent(false);
    if (reset) {
      exchange.getConnection().setOption(Options.CLOSE_ABORT, true);
    }
    IoUtils.safeClose(exchange.getConnection());
  }
}
