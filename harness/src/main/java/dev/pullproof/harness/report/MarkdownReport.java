package dev.pullproof.harness.report;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.world.HostRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as Markdown: the scenarios that differ between versions, the scenario by version
 * matrix (verdict and what the node did per cell, containerd's full message one note away), then
 * per scenario and version the verdict, failures, requests per host, pull times, a timeline image
 * (the SVG written next to it) and the end of containerd's log.
 */
public final class MarkdownReport {
  static final int LOG_LINES = 20;

  private final Redactor redactor;

  public MarkdownReport(Redactor redactor) {
    this.redactor = redactor;
  }

  /**
   * @param timelines per result, the SVG file's path relative to the report, if one was written
   */
  public String render(List<RunResult> results, Map<RunResult, String> timelines) {
    Matrix matrix = new Matrix(results);
    Map<String, Integer> notes = new LinkedHashMap<>();
    StringBuilder md = new StringBuilder("# pullproof report\n\n");
    md.append(Summary.line(results))
        .append(". containerd ")
        .append(text(Versions.exact(matrix, results, ": ", ", ")))
        .append(".\n\n## Differs between versions\n\n");
    List<Matrix.Row> differ = VersionDiff.rows(matrix);
    if (differ.isEmpty()) {
      md.append(VersionDiff.none(results)).append("\n\n");
    } else {
      md.append(VersionDiff.INTRO).append(":\n\n");
      header(md, matrix);
      differ.forEach(row -> row(md, row, matrix, notes));
      md.append('\n');
    }
    md.append("## Matrix\n\n").append(LEGEND).append("\n\n");
    header(md, matrix);
    matrix.rows().forEach(row -> row(md, row, matrix, notes));
    if (!notes.isEmpty()) {
      md.append("\n## Notes\n\ncontainerd's own words for each cell that did not simply pull.\n\n");
      notes.forEach(
          (note, n) -> {
            md.append("<a id=\"note-").append(n).append("\"></a>").append(n).append(".\n\n");
            block(md, note);
          });
    }
    md.append(new RepeatedPulls(results).markdown(redactor));
    for (Matrix.Row row : matrix.rows()) {
      md.append("\n## ").append(text(row.scenario().id())).append("\n\n");
      md.append("<a id=\"")
          .append(anchor(row.scenario().id()))
          .append("\"></a>")
          .append(text(row.scenario().name()));
      if (!row.scenario().summary().isEmpty()) {
        md.append(": ").append(text(row.scenario().summary()));
      }
      md.append("\n");
      for (RunResult r : row.cells().values()) {
        section(md, r, timelines.get(r));
      }
    }
    return md.toString();
  }

  static final String LEGEND =
      "Each cell: the verdict (PASS: the expectation held, whatever the pull did; FAIL: it did"
          + " not; ERROR: the run did not complete; OBSERVED: nothing was expected), then what the"
          + " node did: ✔ pulled, ✘ failed with the cause, ◐ some pulls failed, ∅ no pull ran. [n] is the note"
          + " with containerd's full message; the scenario links to its requests and log.";

  private static void header(StringBuilder md, Matrix matrix) {
    md.append("| scenario |");
    matrix.columns().forEach(c -> md.append(" containerd ").append(c).append(" |"));
    md.append("\n|---|");
    matrix.columns().forEach(c -> md.append("---|"));
    md.append('\n');
  }

  private void row(StringBuilder md, Matrix.Row row, Matrix matrix, Map<String, Integer> notes) {
    md.append("| [")
        .append(cell(row.scenario().id()))
        .append("](#")
        .append(anchor(row.scenario().id()))
        .append(") |");
    for (ContainerdVersion f : matrix.columns()) {
      md.append(' ').append(row.cell(f).map(r -> cell(r, notes)).orElse("-")).append(" |");
    }
    md.append('\n');
  }

  private String cell(RunResult r, Map<String, Integer> notes) {
    String what = "**" + Cells.status(r) + "** " + Cells.symbol(r) + " " + cell(Cells.brief(r));
    if (Cells.did(r) == Cells.Did.PULLED) {
      return what;
    }
    int n = notes.computeIfAbsent(Cells.happened(r), k -> notes.size() + 1);
    return what + " [[" + n + "]](#note-" + n + ")";
  }

  private void section(StringBuilder md, RunResult r, String timeline) {
    md.append("\n### containerd ")
        .append(r.family())
        .append(" (")
        .append(text(Cells.version(r)))
        .append("): ")
        .append(Cells.status(r))
        .append("\n\n");
    block(md, Cells.happened(r));
    String times = Cells.pullTimes(r.outcome().pulls());
    if (!times.isEmpty()) {
      md.append("Pull times: ").append(times).append("\n\n");
    }
    r.verdict()
        .error()
        .ifPresent(e -> md.append("Run did not complete: ").append(text(e)).append("\n\n"));
    if (!r.verdict().failures().isEmpty()) {
      md.append("Expectations that did not hold:\n\n");
      block(md, String.join("\n\n", Cells.failureMessages(r)));
    }
    for (Map.Entry<String, List<HostRequest>> host : r.outcome().journals().entrySet()) {
      md.append("Requests to `")
          .append(text(host.getKey()))
          .append("` (")
          .append(host.getValue().size())
          .append("):\n\n");
      if (!host.getValue().isEmpty()) {
        block(md, String.join("\n", host.getValue().stream().map(HostRequest::summary).toList()));
      }
    }
    if (timeline != null) {
      md.append("![requests over time](").append(timeline).append(")\n\n");
    }
    if (!r.outcome().helperLog().isEmpty()) {
      md.append("Credential helper calls (")
          .append(r.outcome().helperLog().size())
          .append("):\n\n");
      block(md, String.join("\n", r.outcome().helperLog()));
    }
    if (!r.outcome().observations().isEmpty()) {
      md.append("Observed on the node (")
          .append(r.outcome().observations().size())
          .append("):\n\n");
      block(md, NodeActivity.observations(r.outcome()));
    }
    if (r.scenario().executables().size() > 0) {
      md.append("Programs on the node's PATH ran ")
          .append(r.outcome().invocations().size())
          .append(" time(s)")
          .append(r.outcome().invocations().isEmpty() ? ".\n\n" : ":\n\n");
      if (!r.outcome().invocations().isEmpty()) {
        block(md, NodeActivity.invocations(r.outcome()));
      }
    }
    List<String> log = r.outcome().containerdLog().lines().toList();
    if (!log.isEmpty()) {
      md.append("containerd log, last ")
          .append(Math.min(LOG_LINES, log.size()))
          .append(" lines:\n\n");
      block(md, String.join("\n", log.subList(Math.max(0, log.size() - LOG_LINES), log.size())));
    }
  }

  private void block(StringBuilder md, String content) {
    String safe = redactor.redact(content);
    String fence = safe.contains("```") ? "~~~~" : "```";
    md.append(fence).append('\n').append(safe).append('\n').append(fence).append("\n\n");
  }

  private String text(String s) {
    return redactor.redact(s).replace("<", "&lt;");
  }

  private String cell(String s) {
    return text(s).replace("|", "\\|").replace("\n", "<br>");
  }

  static String anchor(String id) {
    return id.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
