package dev.pullproof.harness.report;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.world.HostRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report as HTML: {@code report.html} holds the scenarios that differ between versions and the
 * scenario by version matrix, each cell coloured and marked by what the node did and badged with
 * the verdict, containerd's full message as its tooltip; each scenario's details (failures, a
 * timeline of requests per host that scales to the page, the requests, pull times, the end of
 * containerd's log) are a sibling page {@code runs/<scenario>.html}, one click away, so the matrix
 * stays light. Inline style and one small inline script; no external resources.
 */
public final class HtmlReport {
  private static final String STYLE =
      "body{font-family:sans-serif;margin:2em;color:#222}"
          + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 6px;"
          + "vertical-align:top;font-size:13px}"
          + "pre{white-space:pre-wrap;word-break:break-word;margin:0;font-size:12px;"
          + "background:#f6f6f6;padding:8px}"
          + "td a{color:inherit;text-decoration:none;display:block}"
          + ".PULLED{background:#e8f5e9}.FAILED{background:#ffebee}.PARTLY{background:#fff8e1}"
          + ".NOT_RUN{background:#eceff1}"
          + ".v{display:inline-block;min-width:5.5em;font-weight:bold;font-size:11px}"
          + ".v.PASS{color:#2e7d32}.v.FAIL{color:#c62828}.v.ERROR{color:#e65100}"
          + ".v.OBSERVED{color:#546e7a}.legend{color:#555;font-size:13px;max-width:60em}"
          + "svg.timeline{width:100%;max-width:1400px;height:auto}"
          + "h3.PASS,h3.OBSERVED{border-left:6px solid #2e7d32;padding-left:6px}"
          + "h3.FAIL,h3.ERROR{border-left:6px solid #c62828;padding-left:6px}";

  /**
   * Hides matrix rows that held and did the same on every version, on request; marks the body when
   * it ran to the end, which the browser test reads.
   */
  private static final String SCRIPT =
      "document.getElementById('only').addEventListener('change',function(e){"
          + "document.querySelectorAll('#matrix tr.same').forEach(function(r){"
          + "r.hidden=e.target.checked;});});"
          + "document.body.setAttribute('data-script','ran');";

  private final Redactor redactor;
  private final SvgTimeline timeline;

  public HtmlReport(Redactor redactor) {
    this.redactor = redactor;
    this.timeline = new SvgTimeline(redactor);
  }

  /** The sibling page of one scenario, relative to {@code report.html}. */
  static String page(String scenarioId) {
    return "runs/" + MarkdownReport.anchor(scenarioId) + ".html";
  }

  /** The main page: summary, what differs between versions, the matrix. */
  public String render(List<RunResult> results) {
    Matrix matrix = new Matrix(results);
    StringBuilder h = head("pullproof report");
    h.append("<h1>pullproof report</h1>\n<p>")
        .append(t(Summary.line(results)))
        .append(". containerd ")
        .append(t(Versions.exact(matrix, results, ": ", ", ")))
        .append(".</p>\n<h2>Differs between versions</h2>\n");
    List<Matrix.Row> differ = VersionDiff.rows(matrix);
    if (differ.isEmpty()) {
      h.append("<p>").append(t(VersionDiff.none(results))).append("</p>\n");
    } else {
      h.append("<p>").append(t(VersionDiff.INTRO)).append(":</p>\n<table id=\"differs\">");
      header(h, matrix);
      differ.forEach(row -> row(h, row, matrix));
      h.append("</table>\n");
    }
    h.append("<h2>Matrix</h2>\n<p class=\"legend\">")
        .append(t(MarkdownReport.LEGEND.replace("[n] is the note with", "A cell's tooltip is")))
        .append(" Click a cell for its requests, timeline and log.</p>\n")
        .append("<p><label><input type=\"checkbox\" id=\"only\"> show only scenarios that")
        .append(" differ between versions or did not hold</label></p>\n<table id=\"matrix\">");
    header(h, matrix);
    matrix.rows().forEach(row -> row(h, row, matrix));
    h.append("</table>\n").append(new RepeatedPulls(results).html(redactor));
    return h.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n").toString();
  }

  /** One scenario's page: every version's details, the timelines inline. */
  public String scenarioPage(Matrix.Row row) {
    String id = row.scenario().id();
    StringBuilder h = head(id + " - pullproof report");
    h.append("<p><a href=\"../report.html\">back to the matrix</a></p>\n<h1>")
        .append(t(id))
        .append("</h1>\n<p>")
        .append(t(row.scenario().name()));
    if (!row.scenario().summary().isEmpty()) {
      h.append(": ").append(t(row.scenario().summary()));
    }
    h.append("</p>\n");
    row.cells().values().forEach(r -> section(h, r));
    return h.append("</body></html>\n").toString();
  }

  private StringBuilder head(String title) {
    return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width\"><title>")
        .append(t(title))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n");
  }

  private static void header(StringBuilder h, Matrix matrix) {
    h.append("<tr><th>scenario</th>");
    matrix.columns().forEach(c -> h.append("<th>containerd ").append(c).append("</th>"));
    h.append("</tr>\n");
  }

  private void row(StringBuilder h, Matrix.Row row, Matrix matrix) {
    String id = row.scenario().id();
    boolean same =
        !VersionDiff.differs(row) && row.cells().values().stream().allMatch(r -> r.verdict().ok());
    h.append(same ? "<tr class=\"same\">" : "<tr>")
        .append("<td><a href=\"")
        .append(page(id))
        .append("\">")
        .append(t(id))
        .append("</a></td>");
    for (ContainerdVersion f : matrix.columns()) {
      Optional<RunResult> cell = row.cell(f);
      if (cell.isEmpty()) {
        h.append("<td>-</td>");
        continue;
      }
      RunResult r = cell.get();
      h.append("<td class=\"")
          .append(Cells.did(r).name())
          .append("\" title=\"")
          .append(t(Cells.version(r) + "\n" + Cells.happened(r)))
          .append("\"><a href=\"")
          .append(page(id))
          .append('#')
          .append(r.family().label())
          .append("\"><span class=\"v ")
          .append(Cells.status(r))
          .append("\">")
          .append(Cells.status(r))
          .append("</span> ")
          .append(Cells.symbol(r))
          .append(' ')
          .append(t(Cells.brief(r)))
          .append("</a></td>");
    }
    h.append("</tr>\n");
  }

  private void section(StringBuilder h, RunResult r) {
    h.append("<h3 id=\"")
        .append(r.family().label())
        .append("\" class=\"")
        .append(Cells.status(r))
        .append("\">containerd ")
        .append(r.family())
        .append(" (")
        .append(t(Cells.version(r)))
        .append("): ")
        .append(Cells.status(r))
        .append("</h3>\n");
    h.append("<pre>").append(t(Cells.happened(r))).append("</pre>\n");
    String times = Cells.pullTimes(r.outcome().pulls());
    if (!times.isEmpty()) {
      h.append("<p>Pull times: ").append(t(times)).append("</p>\n");
    }
    r.verdict()
        .error()
        .ifPresent(e -> h.append("<p>Run did not complete: ").append(t(e)).append("</p>\n"));
    if (!r.verdict().failures().isEmpty()) {
      h.append("<p>Expectations that did not hold:</p><pre>")
          .append(t(String.join("\n\n", Cells.failureMessages(r))))
          .append("</pre>\n");
    }
    if (!r.outcome().journals().isEmpty()) {
      h.append(timeline.render(r.outcome()));
      for (Map.Entry<String, List<HostRequest>> host : r.outcome().journals().entrySet()) {
        h.append("<details><summary>Requests to ")
            .append(t(host.getKey()))
            .append(" (")
            .append(host.getValue().size())
            .append(")</summary><pre>")
            .append(
                t(String.join("\n", host.getValue().stream().map(HostRequest::summary).toList())))
            .append("</pre></details>\n");
      }
    }
    if (!r.outcome().helperLog().isEmpty()) {
      h.append("<details><summary>Credential helper calls (")
          .append(r.outcome().helperLog().size())
          .append(")</summary><pre>")
          .append(t(String.join("\n", r.outcome().helperLog())))
          .append("</pre></details>\n");
    }
    if (!r.outcome().observations().isEmpty()) {
      h.append("<details><summary>Observed on the node (")
          .append(r.outcome().observations().size())
          .append(")</summary><pre>")
          .append(t(NodeActivity.observations(r.outcome())))
          .append("</pre></details>\n");
    }
    if (!r.scenario().executables().isEmpty()) {
      h.append("<details><summary>Programs on the node's PATH ran ")
          .append(r.outcome().invocations().size())
          .append(" time(s)</summary><pre>")
          .append(t(NodeActivity.invocations(r.outcome())))
          .append("</pre></details>\n");
    }
    List<String> log = r.outcome().containerdLog().lines().toList();
    if (!log.isEmpty()) {
      int n = Math.min(MarkdownReport.LOG_LINES, log.size());
      h.append("<details><summary>containerd log, last ")
          .append(n)
          .append(" lines</summary><pre>")
          .append(t(String.join("\n", log.subList(log.size() - n, log.size()))))
          .append("</pre></details>\n");
    }
  }

  private String t(String s) {
    return Escape.xml(redactor.redact(s));
  }

  /** The SVG timeline of one result, for writing next to the Markdown report. */
  public String timeline(RunResult r) {
    return timeline.render(r.outcome());
  }
}
