package dev.pullproof.harness.cli;

import dev.pullproof.harness.run.Outcome;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.run.Verdict;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioParser;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** A run result of a one-pull scenario written to {@code dir}, its node never started. */
final class SyntheticResult {
  private SyntheticResult() {}

  static RunResult of(Path dir, Verdict verdict, Duration wall) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("s.toml"), "name = \"s\"\n[[pull]]\nimage = \"r.test/a:1\"\n");
    Scenario s = new ScenarioParser().parse(file);
    return new RunResult(
        s, ContainerdVersion.V2, Outcome.failedToRun("synthetic", Instant.EPOCH, wall), verdict);
  }
}
