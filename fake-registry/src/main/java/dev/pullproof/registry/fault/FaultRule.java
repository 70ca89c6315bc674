package dev.pullproof.registry.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * When a fault fires: which requests ({@link RequestMatch}), during which spans of time since the
 * registry started ({@link TimeWindow}s; none means always), and on which of the matching requests
 * ({@link Occurrence}). The k-th time the rule fires (from 0) it applies {@code faults[k mod
 * size]}: one fault repeats, several form a sequence ("503, then a reset").
 *
 * <pre>{@code
 * FaultRule.builder().route(RouteKind.BLOB).method("GET").repository("library/*")
 *     .first(2).fault(Fault.unavailable(Duration.ofSeconds(1))).build();
 * }</pre>
 */
public record FaultRule(
    String name,
    RequestMatch match,
    Occurrence occurrence,
    List<TimeWindow> windows,
    List<Fault> faults) {

  public FaultRule {
    if (name != null && name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank (null picks one)");
    }
    if (match == null || occurrence == null) {
      throw new IllegalArgumentException("match and occurrence are required");
    }
    if (faults == null || faults.isEmpty() || faults.contains(null)) {
      throw new IllegalArgumentException("faults must name at least one fault, and no null");
    }
    windows = List.copyOf(windows);
    faults = List.copyOf(faults);
    for (int i = 0; i < windows.size(); i++) {
      for (int j = i + 1; j < windows.size(); j++) {
        if (windows.get(i).overlaps(windows.get(j))) {
          throw new IllegalArgumentException(
              "windows overlap: " + windows.get(i) + " and " + windows.get(j) + "; merge them");
        }
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether one of the windows holds {@code sinceStart} (always, without windows). */
  public boolean activeAt(Duration sinceStart) {
    return windows.isEmpty() || windows.stream().anyMatch(w -> w.contains(sinceStart));
  }

  @Override
  public String toString() {
    return (name == null ? "rule" : name)
        + " ["
        + match
        + ", "
        + occurrence
        + (windows.isEmpty() ? "" : ", windows " + windows)
        + "] -> "
        + faults.stream().map(Fault::describe).toList();
  }

  /** Collects a rule; unset criteria match every request, the occurrence defaults to always. */
  public static final class Builder {
    private String name;
    private String host;
    private final Set<String> methods = new LinkedHashSet<>();
    private final Set<RouteKind> kinds = EnumSet.noneOf(RouteKind.class);
    private String repository;
    private String reference;
    private final List<HeaderMatch> headers = new ArrayList<>();
    private Occurrence occurrence = Occurrence.always();
    private final List<TimeWindow> windows = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();

    private Builder() {}

    /** Shown in the journal's fault field; defaults to {@code rule-<n>} in installation order. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder host(String hostGlob) {
      this.host = hostGlob;
      return this;
    }

    public Builder method(String... names) {
      for (String m : names) {
        methods.add(RequestMatch.method(m));
      }
      return this;
    }

    public Builder route(RouteKind... routeKinds) {
      kinds.addAll(List.of(routeKinds));
      return this;
    }

    /** Route kinds by name ({@code manifest-get}, {@code blob}...); unknown names are refused. */
    public Builder route(String... names) {
      for (String n : names) {
        kinds.add(RouteKind.parse(n));
      }
      return this;
    }

    public Builder repository(String glob) {
      this.repository = glob;
      return this;
    }

    public Builder reference(String glob) {
      this.reference = glob;
      return this;
    }

    /** A condition on a request header (repeatable: every one must hold). */
    public Builder header(HeaderMatch header) {
      headers.add(header);
      return this;
    }

    public Builder occurrence(Occurrence occurrence) {
      this.occurrence = occurrence;
      return this;
    }

    public Builder first(long n) {
      return occurrence(Occurrence.first(n));
    }

    public Builder after(long n) {
      return occurrence(Occurrence.after(n));
    }

    public Builder everyKth(long k) {
      return occurrence(Occurrence.everyKth(k));
    }

    public Builder chance(double probability, long seed) {
      return occurrence(Occurrence.chance(probability, seed));
    }

    /** As {@link #chance}, decided per request identity rather than arrival order. */
    public Builder chancePerRequest(double probability, long seed) {
      return occurrence(Occurrence.chancePerRequest(probability, seed));
    }

    /** Active from {@code from} to {@code to} after the registry started (repeatable). */
    public Builder between(Duration from, Duration to) {
      windows.add(TimeWindow.of(from, to));
      return this;
    }

    /** Active in this window (repeatable), e.g. {@code TimeWindow.from(ofSeconds(2))}: for good. */
    public Builder window(TimeWindow window) {
      windows.add(window);
      return this;
    }

    /** The fault, or the next one of a sequence (repeatable). */
    public Builder fault(Fault... more) {
      faults.addAll(List.of(more));
      return this;
    }

    public FaultRule build() {
      RequestMatch match =
          new RequestMatch(
              host == null ? null : Glob.of(host, "host"),
              methods,
              kinds,
              repository == null ? null : Glob.of(repository, "repository"),
              reference == null ? null : Glob.of(reference, "reference"),
              headers);
      return new FaultRule(name, match, occurrence, windows, faults);
    }
  }
}
