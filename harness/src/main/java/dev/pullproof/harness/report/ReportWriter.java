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
 * Writes every report of a run into a directory: {@code junit.xml}, {@code report.md} with its
 * {@code timelines/*.svg}, and the self-contained {@code report.html}. All text passes the
 * redactor.
 */
public final class ReportWriter {
  private final Redactor redactor;

  public ReportWriter(Redactor redactor) {
    this.redactor = redactor;
  }

  /** Writes the reports; returns the HTML report's path. */
  public Path write(List<RunResult> results, Path dir) {
    try {
      Files.createDirectories(dir.resolve("timelines"));
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
      Path page = dir.resolve("report.html");
      Files.writeString(page, html.render(results));
      return page;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write reports to " + dir + ": " + e.getMessage(), e);
    }
  }
}
