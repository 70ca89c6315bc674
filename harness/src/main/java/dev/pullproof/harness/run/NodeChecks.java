package dev.pullproof.harness.run;

import dev.pullproof.harness.scenario.InvocationExpectation;
import dev.pullproof.harness.scenario.ObserveExpect;
import dev.pullproof.harness.scenario.ObserveSpec;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks what the node answered to the {@code [[observe]]} steps, and how often the programs placed
 * on it ran, against a version's expectations.
 */
final class NodeChecks {
  private final ContainerdVersion family;
  private final Outcome outcome;

  NodeChecks(ContainerdVersion family, Outcome outcome) {
    this.family = family;
    this.outcome = outcome;
  }

  /** True when some step expects something on this version. */
  boolean observations(List<ObserveSpec> specs, List<Failure> failures) {
    boolean any = false;
    for (int i = 0; i < specs.size(); i++) {
      ObserveSpec spec = specs.get(i);
      ObserveExpect expect = spec.expect();
      any |= !expect.isEmpty();
      int index = i;
      String check = "observe[" + i + "] " + spec.step().display();
      Observation seen =
          outcome.observations().stream().filter(o -> o.index() == index).findFirst().orElse(null);
      if (seen == null) {
        if (!expect.isEmpty()) {
          failures.add(new Failure(check, "the step to run", "it did not run", ""));
        }
        continue;
      }
      String quoted = "output:\n" + seen.output().strip();
      expect
          .success()
          .filter(ok -> ok != seen.success())
          .ifPresent(
              ok ->
                  failures.add(
                      new Failure(
                          check + " outcome",
                          ok ? "success" : "failure",
                          seen.success() ? "success" : "failure",
                          quoted)));
      for (String text : family.entryIn(expect.contains()).orElse(List.of())) {
        if (!seen.output().contains(text)) {
          failures.add(
              new Failure(
                  check + " output_contains", "'" + text + "'", "not in the output", quoted));
        }
      }
      for (String text : family.entryIn(expect.absent()).orElse(List.of())) {
        if (seen.output().contains(text)) {
          failures.add(
              new Failure(check + " output_absent", "no '" + text + "'", "it is there", quoted));
        }
      }
      family
          .entryIn(expect.plugins())
          .orElse(java.util.Map.of())
          .forEach(
              (plugin, state) -> {
                String shown = PluginTable.status(seen.output(), plugin);
                if (!shown.equals(state)) {
                  failures.add(
                      new Failure(
                          check + " plugins " + plugin,
                          state,
                          shown,
                          PluginTable.rows(seen.output(), plugin)));
                }
              });
      Pattern regex = family.entryIn(expect.matches()).orElse(null);
      if (regex != null && !regex.matcher(seen.output()).find()) {
        failures.add(
            new Failure(
                check + " output_matches", "/" + regex.pattern() + "/", "no match", quoted));
      }
    }
    return any;
  }

  /**
   * Counts the calls of each program whose arguments include every word of {@code args_contain}.
   */
  void invocations(List<InvocationExpectation> expected, List<Failure> failures) {
    for (InvocationExpectation e : expected) {
      List<NodeInvocation> all =
          outcome.invocations().stream().filter(c -> c.program().equals(e.program())).toList();
      List<NodeInvocation> calls =
          all.stream().filter(c -> c.args().containsAll(e.argsContain())).toList();
      if (!e.times().contains(calls.size())) {
        String which =
            e.argsContain().isEmpty()
                ? ""
                : " with arguments including " + String.join(" ", e.argsContain());
        failures.add(
            new Failure(
                "node_invocations " + e.program(),
                e.times() + which,
                calls.size() + " call(s)",
                all.isEmpty()
                    ? ""
                    : "calls:\n"
                        + String.join(
                            "\n", all.stream().map(NodeInvocation::commandLine).toList())));
      }
    }
  }
}
