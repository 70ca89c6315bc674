package dev.pullproof.harness.scenario;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a fault rule does to one response, as a scenario writes it ({@code fault = { status = 503
 * }}, {@code fault = "reset"}). Each kind mirrors one of the fake registry's faults.
 */
public sealed interface FaultAction {
  /**
   * An error status with a spec error body.
   *
   * @param error the error code of the body, such as {@code TOOMANYREQUESTS}; empty for the one the
   *     status implies
   * @param retryAfter sent as {@code Retry-After} in whole seconds
   */
  record Status(
      int code,
      Optional<SpecErrorCode> error,
      Optional<String> message,
      Optional<Duration> retryAfter)
      implements FaultAction {
    public Status {
      if (code < 300 || code > 599) {
        throw new IllegalArgumentException("status must be 300 to 599, got " + code);
      }
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(retryAfter, "retry_after");
    }
  }

  /** Waits before answering. */
  record Delay(Duration duration) implements FaultAction {
    public Delay {
      positive(duration, "delay");
    }
  }

  /** Sends {@code afterBytes} of the body, then nothing for {@code duration} (empty: for good). */
  record Stall(long afterBytes, Optional<Duration> duration) implements FaultAction {
    public Stall {
      notNegative(afterBytes, "stall after");
      duration.ifPresent(d -> positive(d, "stall duration"));
    }
  }

  /** TCP reset before the response (0) or after that many body bytes. */
  record Reset(long afterBytes) implements FaultAction {
    public Reset {
      notNegative(afterBytes, "reset");
    }
  }

  /** Closes the connection without a response. */
  record Close() implements FaultAction {}

  /** Full Content-Length, then only {@code afterBytes} of the body and EOF. */
  record Truncate(long afterBytes) implements FaultAction {
    public Truncate {
      notNegative(afterBytes, "truncate");
    }
  }

  /** One body byte inverted at {@code atByte}: same length, wrong digest. */
  record Corrupt(long atByte) implements FaultAction {
    public Corrupt {
      notNegative(atByte, "corrupt");
    }
  }

  /** The body at most this fast. */
  record Bandwidth(long bytesPerSecond) implements FaultAction {
    public Bandwidth {
      if (bytesPerSecond < 1) {
        throw new IllegalArgumentException("bandwidth must be at least 1 byte per second");
      }
    }
  }

  /** An HTML page, as a broken proxy answers: status 200 or 5xx. */
  record Html(int status) implements FaultAction {
    public Html {
      if (status != 200 && (status < 500 || status > 599)) {
        throw new IllegalArgumentException("html status must be 200 or 5xx, got " + status);
      }
    }
  }

  /**
   * A redirect to the same path on another host.
   *
   * @param target a registry of the world by name, or {@code http(s)://host[:port]}
   */
  record Redirect(String target, int status) implements FaultAction {
    public Redirect {
      if (target == null || target.isEmpty()) {
        throw new IllegalArgumentException("redirect target is required");
      }
      if (target.contains("://") && !target.matches("https?://[^/?#]+")) {
        throw new IllegalArgumentException(
            "redirect target must be a registry name or scheme://host[:port], got " + target);
      }
      if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
        throw new IllegalArgumentException(
            "redirect status must be 301, 302, 303, 307 or 308, got " + status);
      }
    }

    /** Whether the target names a registry of the world rather than a URL. */
    public boolean namesRegistry() {
      return !target.contains("://");
    }
  }

  /** Lets the request through: a step in a sequence. */
  record None() implements FaultAction {}

  private static void positive(Duration d, String field) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be a positive duration, got " + d);
    }
  }

  private static void notNegative(long n, String field) {
    if (n < 0) {
      throw new IllegalArgumentException(field + " must be 0 or more, got " + n);
    }
  }
}
