package dev.pullproof.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.testing.Needs;
import dev.pullproof.testing.Prerequisites;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: Debian's headless Chromium loads the matrix page and one
 * scenario's page, runs their script without an error, and paints the matrix cells and the
 * timeline's marks.
 */
@Needs(clients = "chromium")
class HtmlReportChromiumIT {
  // #e8f5e9, the background of a cell whose pulls succeeded; #2e7d32, a 2xx request's mark.
  private static final int PULLED_CELL = 0xe8f5e9;
  private static final int OK_MARK = 0x2e7d32;

  @TempDir Path dir;
  private Path report;

  @BeforeEach
  void writeReport() {
    Scenario s =
        Results.scenario(
            dir,
            "token",
            "name = \"token\"\n[registries.hub]\n[[pull]]\nimage = \"r.test/app:1\"\n");
    var journal =
        Results.journal(
            Results.entry("hub", 1, 0, "GET", "/v2/", "", 401),
            Results.entry("hub", 2, 4, "GET", "/token", "", 200),
            Results.entry("hub", 3, 9, "GET", "/v2/app/manifests/1", "", 200));
    List<RunResult> results = new ArrayList<>();
    for (ContainerdVersion f : ContainerdVersion.families()) {
      results.add(
          Results.judged(
              s,
              f,
              Results.outcome(
                  List.of(Results.attempt(1, true, "", 0, 20)), journal, "l1\n", List.of())));
    }
    report = dir.resolve("report");
    new ReportWriter(Redactor.of(Set.of())).write(results, report);
  }

  @Test
  void theMatrixPageRunsItsScriptWithoutErrorsAndPaintsItsCells() throws Exception {
    Browser page = chromium("--dump-dom", report.resolve("report.html"));
    assertThat(page.scriptErrors()).isEmpty();
    assertThat(page.stdout())
        .contains("data-script=\"ran\"")
        .contains("<table id=\"matrix\">")
        .contains("href=\"runs/token.html#1.7\"");

    Path png = dir.resolve("matrix.png");
    chromium("--screenshot=" + png, report.resolve("report.html"));
    assertThat(pixels(png, PULLED_CELL)).isGreaterThan(1000);
  }

  @Test
  void aScenarioPageShowsItsTimelineScaledToThePage() throws Exception {
    Path page = report.resolve("runs/token.html");
    Browser dom = chromium("--dump-dom", page);
    assertThat(dom.scriptErrors()).isEmpty();
    assertThat(dom.stdout())
        .contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\"");

    Path png = dir.resolve("timeline.png");
    chromium("--screenshot=" + png, page);
    assertThat(pixels(png, OK_MARK)).isGreaterThan(50);
  }

  private record Browser(String stdout, List<String> log) {
    /** Uncaught exceptions and console errors, as Chromium logs them with --enable-logging. */
    List<String> scriptErrors() {
      return log.stream()
          .filter(l -> l.contains(":CONSOLE") && (l.contains("Uncaught") || l.contains("Error")))
          .toList();
    }
  }

  private Browser chromium(String action, Path page) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "profile-");
    Path out = dir.resolve("chromium.out");
    Path err = dir.resolve("chromium.err");
    Process p =
        new ProcessBuilder(
                Prerequisites.client("chromium").toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                // without these Chromium's own connections are refused on a closed network
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0",
                "--window-size=1200,900",
                action,
                page.toUri().toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(
          "chromium did not finish with " + page + "; its log: " + Files.readString(err));
    }
    assertThat(p.exitValue())
        .as("chromium's exit status; its log:\n%s", Files.readString(err))
        .isZero();
    return new Browser(
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readAllLines(err, StandardCharsets.UTF_8));
  }

  /** How many pixels of the screenshot have exactly this colour. */
  private static long pixels(Path png, int rgb) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          n++;
        }
      }
    }
    return n;
  }
}
