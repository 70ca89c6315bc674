package dev.pullproof.harness.report;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.version.VersionFamily;
import dev.pullproof.harness.world.HostRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report as one self-contained HTML page (inline style, inline SVG, no scripts or external
 * resources): the scenario by version matrix with containerd's own error in each cell, then per
 * scenario and version the verdict, failures, a timeline of requests per host, the requests, pull
 * times and the end of containerd's log.
 */
public final class HtmlReport {
  private static final String STYLE =
      "body{font-family:sans-serif;margin:2em;color:#222}"
          + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:6px;vertical-align:top}"
          + "td pre,pre{white-space:pre-wrap;word-break:break-word;margin:0;font-size:12px}"
          + "pre{background:#f6f6f6;padding:8px}"
          + ".PASS{background:#e8f5e9}.FAIL{background:#ffebee}.ERROR{background:#fff3e0}"
          + ".OBSERVED{background:#eceff1}.status{font-weight:bold}"
          + ".version{font-weight:normal;color:#666;font-size:11px}";

  private final Redactor redactor;
  private final SvgTimeline timeline;

  public HtmlReport(Redactor redactor) {
    this.redactor = redactor;
    this.timeline = new SvgTimeline(redactor);
  }

  public String render(List<RunResult> results) {
    Matrix matrix = new Matrix(results);
    StringBuilder h =
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    h.append("<title>pullproof report</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n");
    h.append("<h1>pullproof report</h1>\n<p>").append(t(Summary.line(results))).append("</p>\n");
    h.append("<table><tr><th>scenario</th>");
    matrix.columns().forEach(c -> h.append("<th>containerd ").append(c).append("</th>"));
    h.append("</tr>\n");
    for (Matrix.Row row : matrix.rows()) {
      String id = row.scenario().id();
      h.append("<tr><td><a href=\"#")
          .append(MarkdownReport.anchor(id))
          .append("\">")
          .append(t(id))
          .append("</a></td>");
      for (VersionFamily f : matrix.columns()) {
        Optional<RunResult> r = row.cell(f);
        if (r.isEmpty()) {
          h.append("<td>-</td>");
          continue;
        }
        h.append("<td class=\"")
            .append(Cells.status(r.get()))
            .append("\"><div class=\"status\">")
            .append(Cells.status(r.get()))
            .append(" <span class=\"version\">")
            .append(t(Cells.version(r.get())))
            .append("</span></div><pre>")
            .append(t(Cells.happened(r.get())))
            .append("</pre></td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n").append(new RepeatedPulls(results).html(redactor));
    for (Matrix.Row row : matrix.rows()) {
      h.append("<h2 id=\"")
          .append(MarkdownReport.anchor(row.scenario().id()))
          .append("\">")
          .append(t(row.scenario().id()))
          .append("</h2>\n<p>")
          .append(t(row.scenario().name()));
      if (!row.scenario().summary().isEmpty()) {
        h.append(": ").append(t(row.scenario().summary()));
      }
      h.append("</p>\n");
      for (RunResult r : row.cells().values()) {
        section(h, r);
      }
    }
    return h.append("</body></html>\n").toString();
  }

  private void section(StringBuilder h, RunResult r) {
    h.append("<h3 class=\"")
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
