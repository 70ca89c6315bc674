package dev.pullproof.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.run.Failure;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.run.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitCodeTest {
  @TempDir Path dir;

  private RunResult result(Verdict verdict) throws Exception {
    return SyntheticResult.of(dir, verdict, Duration.ZERO);
  }

  @Test
  void exitCodesRankIncompleteOverFailedOverPassed() throws Exception {
    RunResult pass = result(Verdict.of(List.of(), true));
    RunResult observed = result(Verdict.of(List.of(), false));
    RunResult fail =
        result(Verdict.of(List.of(new Failure("outcome", "success", "failure", "")), true));
    RunResult error = result(Verdict.error("timed out"));

    assertThat(ExitCode.of(List.of())).isEqualTo(ExitCode.OK);
    assertThat(ExitCode.of(List.of(pass, observed))).isEqualTo(ExitCode.OK);
    assertThat(ExitCode.of(List.of(pass, fail))).isEqualTo(ExitCode.FAILED);
    assertThat(ExitCode.of(List.of(fail, error, pass))).isEqualTo(ExitCode.INCOMPLETE);
  }
}
