package dev.pullproof.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.version.ContainerdVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** results.json: what a report directory keeps so that its reports can be written again. */
class ResultsFileTest {
  @TempDir Path dir;

  private final Redactor redactor = Redactor.of(Set.of("s3cret"));

  private List<RunResult> results() {
    Scenario s =
        Results.scenario(
            dir, "a", "name = \"a\"\n[registries.hub]\n[[pull]]\nimage = \"r.test/app:1\"\n");
    return List.of(
        Results.judged(
            s,
            ContainerdVersion.V1_7,
            Results.outcome(
                List.of(Results.attempt(1, false, "synthetic: denied for s3cret", 0, 90)),
                Results.journal(Results.entry("hub", 1, 0, "GET", "/v2/", "", 401)),
                "l1\n",
                List.of("{\"synthetic\":1}"))),
        Results.judged(
            s,
            ContainerdVersion.V2,
            Results.outcome(
                List.of(Results.attempt(1, true, "", 0, 90)), java.util.Map.of(), "", List.of())));
  }

  @Test
  void resultsReadBackWriteTheSameReports() throws IOException {
    Path file = dir.resolve("results.json");
    ResultsFile.write(results(), file, dir, redactor);
    List<RunResult> back = ResultsFile.read(file, dir);

    assertThat(Files.readString(file))
        .doesNotContain("s3cret")
        .contains("\"scenario\" : \"a.toml\"");
    assertThat(new MarkdownReport(redactor).render(back, java.util.Map.of()))
        .isEqualTo(new MarkdownReport(redactor).render(results(), java.util.Map.of()));
    assertThat(new JUnitXmlReport(redactor).render(back))
        .isEqualTo(new JUnitXmlReport(redactor).render(results()));
  }

  @Test
  void aFileThatIsNotAResultsFileIsNamedInTheError() throws IOException {
    Path file = Files.writeString(dir.resolve("results.json"), "{\"format\": 7}");
    assertThatThrownBy(() -> ResultsFile.read(file, dir))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("pullproof run");
  }
}
