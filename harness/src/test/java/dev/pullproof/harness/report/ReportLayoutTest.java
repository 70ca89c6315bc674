package dev.pullproof.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.version.ContainerdVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What differs between versions, the console's width, and a run owning its report directory. */
class ReportLayoutTest {
  @TempDir Path dir;

  private static final String X509 =
      "rpc error: code = Unknown desc = failed to pull and unpack image"
          + " \"registry.corp.example/team/app:1.0\": failed to resolve reference"
          + " \"registry.corp.example/team/app:1.0\": failed to do request: Head"
          + " \"https://registry.corp.example/v2/team/app/manifests/1.0\": tls: failed to verify"
          + " certificate: x509: certificate signed by unknown authority";
  private static final String NO_CREDS =
      "rpc error: code = Unknown desc = failed to pull and unpack image \"127.0.0.2/team/app:1.0\":"
          + " failed to resolve image: pull access denied, repository does not exist or may require"
          + " authorization: authorization failed: no basic auth credentials";

  private final Redactor redactor = Redactor.of(Set.of());

  private List<RunResult> results() {
    Scenario same = scenario("credentials/a-scenario-id-long-enough-to-crowd-the-matrix-reproduce");
    Scenario differs = scenario("tls/differs");
    return List.of(
        result(same, ContainerdVersion.V1_6, NO_CREDS),
        result(same, ContainerdVersion.V1_7, NO_CREDS),
        result(same, ContainerdVersion.V2, NO_CREDS),
        result(differs, ContainerdVersion.V1_6, ""),
        result(differs, ContainerdVersion.V1_7, X509),
        result(differs, ContainerdVersion.V2, X509));
  }

  private Scenario scenario(String id) {
    String name = id.replace('/', '-');
    return Results.scenario(
        dir, name, "name = \"" + name + "\"\n[[pull]]\nimage = \"r.test/app:1\"\n");
  }

  private static RunResult result(Scenario s, ContainerdVersion f, String error) {
    return Results.judged(
        s,
        f,
        Results.outcome(
            List.of(Results.attempt(1, error.isEmpty(), error, 0, 50)), Map.of(), "", List.of()));
  }

  @Test
  void onlyScenariosWhoseVersionsEndedDifferentlyAreListedAsDiffering() {
    List<Matrix.Row> differ = VersionDiff.rows(new Matrix(results()));
    assertThat(differ)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.scenario().name()).isEqualTo("tls-differs");
              assertThat(VersionDiff.sides(row, " | "))
                  .isEqualTo("1.6 pulled | 1.7 x509 unknown CA | 2 x509 unknown CA");
            });
  }

  @Test
  void theConsoleMatrixFitsOneHundredTwentyColumnsAndPutsTheDifferencesFirst() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ConsoleMatrix(redactor)
        .print(results(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(Fit.WIDTH));
    String text = String.join("\n", lines);
    assertThat(text.indexOf("tls-differs: 1.6 pulled | 1.7 x509 unknown CA"))
        .isPositive()
        .isLessThan(text.indexOf("scenario  "));
    assertThat(lines)
        .contains(
            "tls-differs                                 . pulled                  . x509 unknown CA"
                + " [2]     . x509 unknown CA [2]")
        // too long for its column: the name takes a line of its own
        .contains("credentials-a-scenario-id-long-enough-to-crowd-the-matrix-reproduce")
        .anySatisfy(l -> assertThat(l).startsWith("[1] rpc error: code = Unknown"))
        .anySatisfy(l -> assertThat(l).startsWith("    ").contains("authorization failed"));
  }

  @Test
  void aSecondRunReplacesTheReportDirectoryWhole() throws Exception {
    Path out = dir.resolve("report");
    new ReportWriter(redactor).write(results(), out);
    Files.writeString(out.resolve("timelines/stale.svg"), "<svg/>");
    new ReportWriter(redactor).write(results().subList(0, 3), out);

    assertThat(out.resolve("timelines/stale.svg")).doesNotExist();
    assertThat(out.resolve("runs/tls-differs.html")).doesNotExist();
    assertThat(out.resolve("report.html")).exists();
    try (var siblings = Files.list(dir)) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .doesNotContain(".report.new-", ".report.old-")
          .allSatisfy(n -> assertThat(n).doesNotStartWith(".report."));
    }
  }

  @Test
  void aDirectoryThatIsNotAReportIsRefusedAndLeftAlone() throws Exception {
    Path mine = Files.createDirectories(dir.resolve("home"));
    Files.writeString(mine.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> new ReportWriter(redactor).write(results(), mine))
        .hasMessageContaining("--report")
        .hasMessageContaining(mine.toString())
        .hasMessageContaining("choose a new or empty directory");
    assertThat(mine.resolve("notes.txt")).hasContent("mine");
  }
}
