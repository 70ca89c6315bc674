package dev.pullproof.harness.scenario;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a fake host treats connections and pushes; empty timeouts keep the registry's defaults.
 *
 * @param headerTimeout how long a connection may take to send a whole request head
 * @param idleTimeout how long a keep-alive connection may wait for its next request
 * @param lenientManifests whether pushed manifests may reference absent non-distributable layers
 *     and index children
 * @param wrongProtocol how the host answers the other protocol; empty for its default
 * @param journalCapacity how many journal entries the host keeps in memory
 */
public record ServerSpec(
    Optional<Duration> headerTimeout,
    Optional<Duration> idleTimeout,
    boolean lenientManifests,
    Optional<WrongProtocol> wrongProtocol,
    Optional<Integer> journalCapacity) {
  public static final ServerSpec DEFAULTS =
      new ServerSpec(Optional.empty(), Optional.empty(), true, Optional.empty(), Optional.empty());

  public ServerSpec {
    positive("header_timeout", Objects.requireNonNull(headerTimeout, "header_timeout"));
    positive("idle_timeout", Objects.requireNonNull(idleTimeout, "idle_timeout"));
    Objects.requireNonNull(journalCapacity, "journal_capacity")
        .filter(n -> n < 1)
        .ifPresent(
            n -> {
              throw new IllegalArgumentException("journal_capacity must be at least 1, got " + n);
            });
    Objects.requireNonNull(wrongProtocol, "wrong_protocol");
  }

  public ServerSpec(
      Optional<Duration> headerTimeout, Optional<Duration> idleTimeout, boolean lenientManifests) {
    this(headerTimeout, idleTimeout, lenientManifests, Optional.empty(), Optional.empty());
  }

  private static void positive(String key, Optional<Duration> timeout) {
    timeout.ifPresent(
        t -> {
          if (t.isNegative() || t.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + t);
          }
          // The server keeps timeouts as int milliseconds.
          if (t.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " must be under 24 days, got " + t);
          }
        });
  }
}
