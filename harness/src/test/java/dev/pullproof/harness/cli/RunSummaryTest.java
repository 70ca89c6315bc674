package dev.pullproof.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.run.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSummaryTest {
  @TempDir Path dir;

  private RunResult took(Duration wall) throws Exception {
    return SyntheticResult.of(dir, Verdict.error("synthetic"), wall);
  }

  @Test
  void theSummaryGivesTheWallTimeAndTheRunsOwnTimesAddedUp() throws Exception {
    List<RunResult> results = List.of(took(Duration.ofMillis(1500)), took(Duration.ofMillis(2500)));

    String line = RunCommand.summary(results, 1, Duration.ofMillis(2600), 2);

    assertThat(line).startsWith("2 run(s) of 1 scenario(s) in 2.6 s").contains("4.0 s together");
    assertThat(line).contains("2 at once");
  }

  @Test
  void fewerRunsThanTheParallelismRunAllAtOnce() throws Exception {
    String line =
        RunCommand.summary(List.of(took(Duration.ofMillis(900))), 1, Duration.ofSeconds(1), 8);

    assertThat(line).contains("1 at once").contains("0.9 s together");
  }
}
