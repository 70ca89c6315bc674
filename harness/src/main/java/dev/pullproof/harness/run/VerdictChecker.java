package dev.pullproof.harness.run;

import dev.pullproof.harness.scenario.Bounds;
import dev.pullproof.harness.scenario.ExpectationSet;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a scenario's expectations for one version against an {@link Outcome}: the pulls (outcome,
 * error text, duration, success rate), the node (CRI plugin, log lines), the credential helper and
 * the registries' journals. Every failure says what was expected and what happened.
 */
public final class VerdictChecker {
  /** How many log lines a log failure quotes. */
  static final int LOG_CONTEXT_LINES = 8;

  public Verdict check(Scenario scenario, ContainerdVersion family, Outcome outcome) {
    if (outcome.harnessError().isPresent()) {
      return Verdict.error(outcome.harnessError().get());
    }
    ExpectationSet expect = scenario.expect().forVersion(family);
    List<Failure> failures = new ArrayList<>();
    PullChecks pulls = new PullChecks(family);
    boolean anyPullExpectation = false;
    for (int i = 0; i < scenario.pulls().size(); i++) {
      ExpectationSet forPull = expect.merge(scenario.pulls().get(i).expect());
      anyPullExpectation |= !forPull.isEmpty();
      int index = i;
      List<PullAttempt> attempts = outcome.pulls().stream().filter(a -> a.pull() == index).toList();
      failures.addAll(pulls.check(forPull, attempts, expect.successRate().isPresent()));
    }
    expect
        .successRate()
        .ifPresent(
            rate -> {
              if (!rate.contains(outcome.successRate())) {
                failures.add(
                    new Failure(
                        "success_rate",
                        rate.min() + " to " + rate.max(),
                        String.format(
                            "%.2f (%d of %d pulls succeeded)",
                            outcome.successRate(),
                            outcome.pulls().stream().filter(PullAttempt::success).count(),
                            outcome.pulls().size()),
                        ""));
              }
            });
    checkNode(expect, outcome, failures);
    NodeChecks node = new NodeChecks(family, outcome);
    boolean anyObservation = node.observations(scenario.observe(), failures);
    node.invocations(expect.invocations(), failures);
    new JournalChecks(outcome).check(expect, failures);
    return Verdict.of(failures, anyPullExpectation || anyObservation || !expect.isEmpty());
  }

  private static void checkNode(ExpectationSet expect, Outcome outcome, List<Failure> failures) {
    expect
        .criPluginLoaded()
        .ifPresent(
            loaded -> {
              if (outcome.criPluginLoaded().isEmpty()
                  || outcome.criPluginLoaded().get() != loaded) {
                failures.add(
                    new Failure(
                        "cri_plugin_loaded",
                        loaded ? "the CRI plugin loaded" : "the CRI plugin not loaded",
                        outcome
                            .criPluginLoaded()
                            .map(l -> l ? "it loaded" : "it did not load")
                            .orElse("unknown: no node started"),
                        logLines(outcome.containerdLog(), "cri")));
              }
            });
    for (String wanted : expect.logContains()) {
      if (!outcome.containerdLog().contains(wanted)) {
        failures.add(
            new Failure(
                "log_contains",
                "containerd's log to contain '" + wanted + "'",
                "no line contains it",
                "last lines:\n" + tail(outcome.containerdLog())));
      }
    }
    for (String unwanted : expect.logAbsent()) {
      if (outcome.containerdLog().contains(unwanted)) {
        failures.add(
            new Failure(
                "log_absent",
                "containerd's log not to contain '" + unwanted + "'",
                "it does",
                logLines(outcome.containerdLog(), unwanted)));
      }
    }
    expect
        .helperInvocations()
        .ifPresent(
            bounds -> {
              long calls = outcome.helperLog().size();
              if (!bounds.contains(calls)) {
                failures.add(
                    new Failure(
                        "helper_invocations",
                        bounds.toString(),
                        calls + " invocation(s)",
                        calls == 0
                            ? ""
                            : "helper log:\n" + String.join("\n", outcome.helperLog())));
              }
            });
  }

  /** The log lines containing {@code text}, at most a few. */
  static String logLines(String log, String text) {
    List<String> hits = log.lines().filter(l -> l.contains(text)).limit(LOG_CONTEXT_LINES).toList();
    return hits.isEmpty() ? "" : "log lines:\n" + String.join("\n", hits);
  }

  static String tail(String log) {
    List<String> lines = log.lines().toList();
    if (lines.isEmpty()) {
      return "(the log is empty)";
    }
    return String.join(
        "\n", lines.subList(Math.max(0, lines.size() - LOG_CONTEXT_LINES), lines.size()));
  }

  static String describe(Bounds bounds) {
    return bounds.toString();
  }
}
