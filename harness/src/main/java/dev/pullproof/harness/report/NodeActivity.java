package dev.pullproof.harness.report;

import dev.pullproof.harness.run.NodeInvocation;
import dev.pullproof.harness.run.Observation;
import dev.pullproof.harness.run.Outcome;
import java.util.ArrayList;
import java.util.List;

/** What a run's node answered to its observation steps, and what ran on it, as report text. */
final class NodeActivity {
  private NodeActivity() {}

  /** Each observation: its step, how it ended, then its output verbatim; empty if none. */
  static String observations(Outcome outcome) {
    List<String> parts = new ArrayList<>();
    for (Observation o : outcome.observations()) {
      parts.add(
          "$ "
              + o.step()
              + "   ("
              + (o.success() ? "success" : "failure")
              + ")\n"
              + o.output().stripTrailing());
    }
    return String.join("\n\n", parts);
  }

  /** One line per recorded call: start time, program and argv, then what it read on stdin. */
  static String invocations(Outcome outcome) {
    List<String> lines = new ArrayList<>();
    for (NodeInvocation c : outcome.invocations()) {
      lines.add(
          c.time()
              + " "
              + c.commandLine()
              + (c.stdin().isEmpty() ? "" : "  <<< " + c.stdin().strip().replace("\n", "\\n")));
    }
    return String.join("\n", lines);
  }
}
