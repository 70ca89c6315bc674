package dev.pullproof.harness.report;

import dev.pullproof.harness.run.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes every report of a run into a directory it owns (replaced whole, see {@link ReportDir}):
 * {@code junit.xml}, {@code report.md} with its {@code timelines/*.svg}, {@code report.html} with
 * one page per scenario under {@code runs/}, and {@code results.json}, the outcomes that {@code
 * report merge} reads back. All text passes the redactor.
 */
public final class ReportWriter {
  private final Redactor redactor;

  public ReportWriter(Redactor redactor) {
    this.redactor = redactor;
  }

  /** Writes the reports, replacing the directory; returns the HTML report's path. */
  public Path write(List<RunResult> results, Path dir) {
    try {
      ReportDir.replace(dir, fresh -> writeInto(results, fresh));
      return dir.resolve("report.html");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write reports to " + dir + ": " + e.getMessage(), e);
    }
  }

  private void writeInto(List<RunResult> results, Path dir) throws IOException {
    Files.createDirectories(dir.resolve("timelines"));
    Files.createDirectories(dir.resolve("runs"));
    new JUnitXmlReport(redactor).write(results, dir.resolve("junit.xml"));
    HtmlReport html = new HtmlReport(redactor);
    Map<RunResult, String> timelines = new IdentityHashMap<>();
    for (RunResult r : results) {
      if (r.outcome().journals().isEmpty()) {
        continue;
      }
      String name =
          "timelines/"
              + MarkdownReport.anchor(r.scenario().id())
              + "-"
              + r.family().label()
              + ".svg";
      Files.writeString(dir.resolve(name), html.timeline(r));
      timelines.put(r, name);
    }
    Files.writeString(
        dir.resolve("report.md"), new MarkdownReport(redactor).render(results, timelines));
    for (Matrix.Row row : new Matrix(results).rows()) {
      Files.writeString(dir.resolve(HtmlReport.page(row.scenario().id())), html.scenarioPage(row));
    }
    Files.writeString(dir.resolve("report.html"), html.render(results));
    ResultsFile.write(results, dir.resolve(ResultsFile.NAME), Path.of(""), redactor);
  }
}
