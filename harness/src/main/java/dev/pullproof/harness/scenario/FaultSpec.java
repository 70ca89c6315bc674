package dev.pullproof.harness.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule making a registry misbehave: which requests (routes, methods, repository and reference
 * globs), which of them ({@link Occurs}), during which time windows since the world started, and
 * what goes wrong; several actions form a sequence (the k-th firing applies the k-th, cycling).
 *
 * @param name shown in the journal's fault field; empty for {@code rule-N}
 * @param routes the routes it applies to; empty for any
 * @param methods upper-case HTTP methods; empty for any
 * @param headers conditions on request headers, every one must hold
 */
public record FaultSpec(
    Optional<String> name,
    List<FaultRoute> routes,
    List<String> methods,
    Optional<String> repository,
    Optional<String> reference,
    List<HeaderCondition> headers,
    Occurs occurs,
    List<Window> windows,
    List<FaultAction> actions) {

  public FaultSpec {
    Objects.requireNonNull(name, "name");
    routes = List.copyOf(routes);
    methods = List.copyOf(methods);
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(reference, "reference");
    headers = List.copyOf(headers);
    Objects.requireNonNull(occurs, "occurs");
    windows = List.copyOf(windows);
    actions = List.copyOf(actions);
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("fault must name at least one fault");
    }
  }

  /** Which matching requests fire, counted from 1. */
  public record Occurs(Kind kind, long count, double chance, long seed) {
    public enum Kind {
      ALWAYS,
      FIRST,
      AFTER,
      EVERY,
      CHANCE,
      /** {@code chance} with {@code chance_by = "request"}: decided per request identity. */
      CHANCE_PER_REQUEST
    }

    public static final Occurs ALWAYS = new Occurs(Kind.ALWAYS, 0, 1, 0);

    public Occurs {
      Objects.requireNonNull(kind, "kind");
      if (count < 0 || (kind == Kind.EVERY && count < 1)) {
        throw new IllegalArgumentException(
            kind.name().toLowerCase(java.util.Locale.ROOT) + " must be at least 1, got " + count);
      }
      if (!(chance >= 0 && chance <= 1)) {
        throw new IllegalArgumentException("chance must be 0 to 1, got " + chance);
      }
    }
  }

  /** From {@code from} (inclusive) to {@code to} (exclusive; empty: for good). */
  public record Window(Duration from, Optional<Duration> to) {
    public Window {
      if (from == null || from.isNegative()) {
        throw new IllegalArgumentException("window from must be 0 or later, got " + from);
      }
      if (to.isPresent() && to.get().compareTo(from) <= 0) {
        throw new IllegalArgumentException("window to must be later than from");
      }
    }
  }
}
