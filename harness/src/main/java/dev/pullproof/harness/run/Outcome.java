package dev.pullproof.harness.run;

import dev.pullproof.harness.world.HostRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one (scenario, version) run produced: data only, so verdicts and reports can be
 * computed (and tested) from it.
 *
 * @param containerdVersion the exact version the node reported; empty if none started
 * @param criPluginLoaded empty if no node started
 * @param journals per world host name, the requests it received, in arrival order; a host that
 *     received none maps to an empty list
 * @param containerdLog containerd's log, verbatim
 * @param helperLog the credential helper's invocation log, one JSON line per call
 * @param harnessError why the run could not complete (world or node failed, timeout); empty when it
 *     ran to the end, whatever the pulls did
 * @param observations what each {@code [[observe]]} step answered
 * @param invocations every recorded call of the programs placed on the node
 */
public record Outcome(
    String containerdVersion,
    Optional<Boolean> criPluginLoaded,
    List<PullAttempt> pulls,
    Map<String, List<HostRequest>> journals,
    String containerdLog,
    List<String> helperLog,
    Optional<String> harnessError,
    Instant started,
    Duration wallTime,
    List<Observation> observations,
    List<NodeInvocation> invocations) {

  public Outcome {
    observations = List.copyOf(observations);
    invocations = List.copyOf(invocations);
    containerdVersion = containerdVersion == null ? "" : containerdVersion;
    Objects.requireNonNull(criPluginLoaded, "criPluginLoaded");
    pulls = List.copyOf(pulls);
    Map<String, List<HostRequest>> copy = new LinkedHashMap<>();
    journals.forEach(
        (host, requests) -> {
          for (HostRequest r : requests) {
            if (!r.host().equals(host)) {
              throw new IllegalArgumentException(
                  "journals: request "
                      + r.summary()
                      + " of "
                      + r.host()
                      + " is listed under "
                      + host);
            }
          }
          copy.put(host, List.copyOf(requests));
        });
    journals = Collections.unmodifiableMap(copy);
    containerdLog = containerdLog == null ? "" : containerdLog;
    helperLog = List.copyOf(helperLog);
    Objects.requireNonNull(harnessError, "harnessError");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(wallTime, "wallTime");
  }

  /** An outcome without node observations or recorded calls. */
  public Outcome(
      String containerdVersion,
      Optional<Boolean> criPluginLoaded,
      List<PullAttempt> pulls,
      Map<String, List<HostRequest>> journals,
      String containerdLog,
      List<String> helperLog,
      Optional<String> harnessError,
      Instant started,
      Duration wallTime) {
    this(
        containerdVersion,
        criPluginLoaded,
        pulls,
        journals,
        containerdLog,
        helperLog,
        harnessError,
        started,
        wallTime,
        List.of(),
        List.of());
  }

  /** An outcome for a run that could not complete. */
  public static Outcome failedToRun(String error, Instant started, Duration wallTime) {
    return new Outcome(
        "",
        Optional.empty(),
        List.of(),
        Map.of(),
        "",
        List.of(),
        Optional.of(error),
        started,
        wallTime);
  }

  /**
   * Every host's requests in one list, in arrival order across hosts: by time, then by sequence.
   */
  public List<HostRequest> requestsInTime() {
    List<HostRequest> all = new ArrayList<>();
    journals.values().forEach(all::addAll);
    all.sort(Comparator.comparing(HostRequest::time).thenComparingLong(HostRequest::sequence));
    return all;
  }

  /** Whether some host received a request matching a scenario's request pattern. */
  public boolean received(dev.pullproof.harness.scenario.HostPattern pattern) {
    return requestsInTime().stream().anyMatch(r -> JournalChecks.matches(pattern, r));
  }

  /** The fraction of pulls that succeeded; 0 when there were none. */
  public double successRate() {
    return pulls.isEmpty()
        ? 0
        : (double) pulls.stream().filter(PullAttempt::success).count() / pulls.size();
  }
}
