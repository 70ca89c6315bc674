package dev.pullproof.registry.fault;

import dev.pullproof.registry.protocol.ErrorCode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What goes wrong with one response. Faults before the response ({@link Status}, {@link Delay},
 * {@link Reset} at byte 0, {@link Close}, {@link HtmlPage}, {@link Redirect}) act on any route;
 * body faults ({@link Truncate}, {@link Corrupt}, {@link Bandwidth}, {@link Stall}, {@link Reset}
 * after N bytes) act on the bytes of a response body (blobs, manifests, token responses) and do
 * nothing to a response without one (HEAD).
 */
public sealed interface Fault {
  /** One line for the journal, e.g. {@code status 503 UNAVAILABLE}. */
  String describe();

  /** Lets the request through untouched; a step in a sequence or a benchmark's no-op rule. */
  static Fault none() {
    return new None();
  }

  /** The status with the spec error code that fits it (503 UNAVAILABLE, 429 TOOMANYREQUESTS...). */
  static Status status(int status) {
    return new Status(status, Status.codeFor(status), null, Map.of());
  }

  /** 503 UNAVAILABLE with {@code Retry-After} in whole seconds. */
  static Status unavailable(Duration retryAfter) {
    return status(503).withHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
  }

  record None() implements Fault {
    public String describe() {
      return "none";
    }
  }

  /**
   * Answers {@code status} with the spec error body of {@code code} (rendered like every other
   * registry error) and extra headers such as {@code Retry-After}.
   *
   * @param message the error's message; null for the code's own
   */
  record Status(int status, ErrorCode code, String message, Map<String, String> headers)
      implements Fault {
    public Status {
      if (status < 300 || status > 599) {
        throw new IllegalArgumentException("status must be 300 to 599, got " + status);
      }
      if (code == null) {
        throw new IllegalArgumentException("code is required (an ErrorCode)");
      }
      headers = Map.copyOf(headers);
    }

    public Status withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Status(status, code, message, more);
    }

    public Status withCode(ErrorCode newCode, String newMessage) {
      return new Status(status, newCode, newMessage, headers);
    }

    static ErrorCode codeFor(int status) {
      return switch (status) {
        case 401 -> ErrorCode.UNAUTHORIZED;
        case 403 -> ErrorCode.DENIED;
        case 404 -> ErrorCode.NOT_FOUND;
        case 405 -> ErrorCode.UNSUPPORTED;
        case 429 -> ErrorCode.TOOMANYREQUESTS;
        case 503 -> ErrorCode.UNAVAILABLE;
        default -> ErrorCode.UNKNOWN;
      };
    }

    public String describe() {
      return "status " + status + " " + code + (headers.isEmpty() ? "" : " " + headers);
    }
  }

  /** Waits before the response starts (before authentication too), then answers normally. */
  record Delay(Duration duration) implements Fault {
    public Delay {
      Checks.positive(duration, "duration");
    }

    public String describe() {
      return "delay " + duration.toMillis() + " ms";
    }
  }

  /**
   * Sends the headers and the first {@code afterBytes} body bytes, then nothing for {@code
   * duration} before the rest; a null duration stalls until the client gives up (closes its side)
   * or the registry closes, and the connection is then closed.
   */
  record Stall(long afterBytes, Duration duration) implements Fault {
    public Stall {
      Checks.notNegative(afterBytes, "afterBytes");
      if (duration != null) {
        Checks.positive(duration, "duration");
      }
    }

    public String describe() {
      return "stall after "
          + afterBytes
          + " bytes "
          + (duration == null ? "until the client gives up" : "for " + duration.toMillis() + " ms");
    }
  }

  /**
   * Resets the connection (TCP RST) before the response ({@code afterBytes} 0) or after that many
   * body bytes.
   */
  record Reset(long afterBytes) implements Fault {
    public Reset {
      Checks.notNegative(afterBytes, "afterBytes");
    }

    public String describe() {
      return afterBytes == 0 ? "reset before response" : "reset after " + afterBytes + " bytes";
    }
  }

  /** Closes the connection without a response: the client reads EOF. */
  record Close() implements Fault {
    public String describe() {
      return "close without response";
    }
  }

  /** Sends the full Content-Length but only the first {@code afterBytes} body bytes, then EOF. */
  record Truncate(long afterBytes) implements Fault {
    public Truncate {
      Checks.notNegative(afterBytes, "afterBytes");
    }

    public String describe() {
      return "truncate after " + afterBytes + " bytes";
    }
  }

  /** Inverts the body byte at offset {@code atByte}: same length, wrong digest. */
  record Corrupt(long atByte) implements Fault {
    public Corrupt {
      Checks.notNegative(atByte, "atByte");
    }

    public String describe() {
      return "corrupt byte " + atByte;
    }
  }

  /** Sends the body at most {@code bytesPerSecond}. */
  record Bandwidth(long bytesPerSecond) implements Fault {
    public Bandwidth {
      if (bytesPerSecond < 1) {
        throw new IllegalArgumentException(
            "bytesPerSecond must be at least 1, got " + bytesPerSecond);
      }
    }

    public String describe() {
      return "bandwidth " + bytesPerSecond + " bytes/s";
    }
  }

  /**
   * An HTML page instead of the API's answer, as a misbehaving proxy or captive portal sends: 200
   * or 5xx, {@code text/html}.
   */
  record HtmlPage(int status, String html) implements Fault {
    public HtmlPage {
      if (status != 200 && (status < 500 || status > 599)) {
        throw new IllegalArgumentException("status must be 200 or 5xx, got " + status);
      }
      if (html == null) {
        html =
            "<html><head><title>"
                + status
                + " proxy error</title></head><body><h1>"
                + status
                + " proxy error</h1><hr>proxy</body></html>\n";
      }
    }

    public String describe() {
      return "html page " + status;
    }
  }

  /**
   * Redirects to the same path and query on another server, as registries do to blob storage.
   *
   * @param target scheme, host and port, e.g. {@code http://127.0.0.3:5000}
   * @param status 301, 302, 303, 307 or 308
   */
  record Redirect(String target, int status) implements Fault {
    public Redirect {
      if (target == null || !target.matches("https?://[^/?#]+")) {
        throw new IllegalArgumentException(
            "target must be scheme://host[:port] without a path, got " + target);
      }
      if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
        throw new IllegalArgumentException("status must be 301, 302, 303, 307 or 308: " + status);
      }
    }

    public String describe() {
      return "redirect " + status + " to " + target;
    }
  }
}
