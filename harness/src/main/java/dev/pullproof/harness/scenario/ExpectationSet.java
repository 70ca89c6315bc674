package dev.pullproof.harness.scenario;

import dev.pullproof.harness.version.ContainerdVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a run should show. Every field is optional: an empty one checks nothing. {@link #merge}
 * layers a more specific set (a version's, a pull's) over this one.
 *
 * @param success the outcome of each pull: true success, false failure
 * @param errorContains per version, a substring the pull's error must contain
 * @param errorMatches per version, a regex the error must contain a match of
 * @param logContains substrings containerd's log must contain
 * @param logAbsent substrings containerd's log must not contain
 * @param requests per registry, how often a request pattern was received
 * @param ordered patterns that must occur in this order in time (across registries)
 * @param helperInvocations how many times the credential helper ran
 * @param minDuration a lower bound on each pull's duration
 * @param maxDuration an upper bound on each pull's duration
 * @param successRate with {@code repeat}: the fraction of pulls that must succeed, min and max
 * @param invocations how often programs placed on the node ran ({@code [node.executables]})
 */
public record ExpectationSet(
    Optional<Boolean> success,
    Map<ContainerdVersion, String> errorContains,
    Map<ContainerdVersion, Pattern> errorMatches,
    Optional<Boolean> criPluginLoaded,
    List<String> logContains,
    List<String> logAbsent,
    List<RequestExpectation> requests,
    List<HostPattern> ordered,
    Optional<Bounds> helperInvocations,
    Optional<Duration> minDuration,
    Optional<Duration> maxDuration,
    Optional<RateBounds> successRate,
    List<InvocationExpectation> invocations) {

  public static final ExpectationSet NONE =
      new ExpectationSet(
          Optional.empty(),
          Map.of(),
          Map.of(),
          Optional.empty(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of());

  public ExpectationSet {
    Objects.requireNonNull(success, "success");
    errorContains = copy(errorContains);
    errorMatches = copy(errorMatches);
    Objects.requireNonNull(criPluginLoaded, "criPluginLoaded");
    logContains = List.copyOf(logContains);
    logAbsent = List.copyOf(logAbsent);
    requests = List.copyOf(requests);
    ordered = List.copyOf(ordered);
    Objects.requireNonNull(helperInvocations, "helperInvocations");
    if (minDuration.isPresent()
        && maxDuration.isPresent()
        && minDuration.get().compareTo(maxDuration.get()) > 0) {
      throw new IllegalArgumentException("duration min must not exceed max");
    }
    Objects.requireNonNull(successRate, "successRate");
    invocations = List.copyOf(invocations);
  }

  /** This set with {@code over}'s values where it has them; lists are concatenated. */
  public ExpectationSet merge(ExpectationSet over) {
    Map<ContainerdVersion, String> contains = new TreeMap<>();
    contains.putAll(errorContains);
    contains.putAll(over.errorContains);
    Map<ContainerdVersion, Pattern> matches = new TreeMap<>();
    matches.putAll(errorMatches);
    matches.putAll(over.errorMatches);
    return new ExpectationSet(
        over.success.or(() -> success),
        contains,
        matches,
        over.criPluginLoaded.or(() -> criPluginLoaded),
        concat(logContains, over.logContains),
        concat(logAbsent, over.logAbsent),
        concat(requests, over.requests),
        over.ordered.isEmpty() ? ordered : over.ordered,
        over.helperInvocations.or(() -> helperInvocations),
        over.minDuration.or(() -> minDuration),
        over.maxDuration.or(() -> maxDuration),
        over.successRate.or(() -> successRate),
        concat(invocations, over.invocations));
  }

  /** True when the set checks nothing at all. */
  public boolean isEmpty() {
    return this.equals(NONE);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static <V> Map<ContainerdVersion, V> copy(Map<ContainerdVersion, V> map) {
    TreeMap<ContainerdVersion, V> copy = new TreeMap<>();
    copy.putAll(map);
    return java.util.Collections.unmodifiableMap(copy);
  }
}
