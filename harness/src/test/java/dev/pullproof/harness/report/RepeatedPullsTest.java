package dev.pullproof.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.run.Outcome;
import dev.pullproof.harness.run.PullAttempt;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.version.ContainerdVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution table of repeated scenarios, in the console, Markdown and HTML reports. */
class RepeatedPullsTest {
  @TempDir Path dir;
  private final Redactor redactor = Redactor.of(Set.of("s3cret"));
  private List<RunResult> results;

  @BeforeEach
  void results() {
    Scenario flaky =
        Results.scenario(
            dir,
            "flaky",
            "name = \"flaky\"\nversions = [\"1.6\", \"2\"]\nrepeat = 4\n"
                + "[[pull]]\nimage = \"r.test/app:1\"\n");
    Scenario once =
        Results.scenario(dir, "once", "name = \"once\"\n[[pull]]\nimage = \"r.test/app:1\"\n");
    results = new ArrayList<>();
    results.add(
        Results.judged(
            flaky,
            ContainerdVersion.V1_6,
            outcome(
                "1.6.0-synthetic",
                List.of(
                    Results.attempt(1, true, "", 0, 300),
                    Results.attempt(2, false, "synthetic: 503 s3cret", 300, 20),
                    Results.attempt(3, true, "", 320, 250),
                    Results.attempt(4, false, "synthetic: 503", 570, 30)))));
    results.add(
        Results.judged(
            flaky,
            ContainerdVersion.V2,
            Outcome.failedToRun("synthetic: node did not start", Results.T0, Duration.ZERO)));
    results.add(
        Results.judged(
            once,
            ContainerdVersion.V1_7,
            outcome("1.7.0-synthetic", List.of(Results.attempt(1, true, "", 0, 100)))));
  }

  private static Outcome outcome(String version, List<PullAttempt> pulls) {
    return new Outcome(
        version,
        Optional.of(true),
        pulls,
        Map.of(),
        "",
        List.of(),
        Optional.empty(),
        Instant.EPOCH,
        Duration.ofSeconds(1));
  }

  @Test
  void onlyRepeatedScenariosThatMadePullsHaveARow() {
    assertThat(new RepeatedPulls(results).rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.scenario()).isEqualTo("flaky");
              assertThat(r.version()).isEqualTo("1.6 (1.6.0-synthetic)");
              assertThat(r.stats().pulled()).isEqualTo("2/4");
              assertThat(r.stats().times())
                  .isEqualTo("min 20 ms, median 30 ms, p90 300 ms, max 300 ms");
            });
  }

  @Test
  void theConsoleTableAlignsTheNumbersUnderTheirHeadings() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new RepeatedPulls(results)
        .print(new PrintStream(bytes, true, StandardCharsets.UTF_8), redactor);

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "",
            "repeated scenario  containerd  pulled    min  median     p90     max",
            "flaky              1.6            2/4  20 ms   30 ms  300 ms  300 ms");
  }

  @Test
  void markdownAndHtmlHaveATableLinkingEachRowToItsScenario() {
    RepeatedPulls table = new RepeatedPulls(results);

    assertThat(table.markdown(redactor))
        .isEqualTo(
            "\n## Repeated pulls\n\n"
                + "| repeated scenario | containerd | pulled | min | median | p90 | max |\n"
                + "|---|---|--:|--:|--:|--:|--:|\n"
                + "| [flaky](#flaky) | 1.6 (1.6.0-synthetic) | 2/4 | 20 ms | 30 ms | 300 ms"
                + " | 300 ms |\n");
    assertThat(table.html(redactor))
        .startsWith("<h2>Repeated pulls</h2>\n<table><tr><th>repeated scenario</th>")
        .contains("<td><a href=\"#flaky\">flaky</a></td><td>1.6 (1.6.0-synthetic)</td>")
        .contains("<td style=\"text-align:right\">2/4</td>");
  }

  @Test
  void withoutRepeatedScenariosNothingIsAdded() {
    RepeatedPulls none = new RepeatedPulls(results.subList(2, 3));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    none.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), redactor);

    assertThat(bytes.size()).isZero();
    assertThat(none.markdown(redactor)).isEmpty();
    assertThat(none.html(redactor)).isEmpty();
  }

  @Test
  void everyReportCarriesTheTable() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ConsoleMatrix(redactor)
        .print(results, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("repeated scenario  containerd");
    assertThat(new MarkdownReport(redactor).render(results, Map.of()))
        .contains("## Repeated pulls")
        .contains("| [flaky](#flaky) | 1.6 (1.6.0-synthetic) | 2/4 |");
    assertThat(new HtmlReport(redactor).render(results)).contains("<h2>Repeated pulls</h2>");
  }
}
