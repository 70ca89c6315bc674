package dev.pullproof.harness.report;

import dev.pullproof.harness.run.RunResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The pull-time distribution of every repeated scenario ({@code repeat} above 1), one row per
 * (scenario, version): pulls that succeeded out of those made, then min / median / p90 / max pull
 * time. Intermittent failures only show as a rate and a spread, so every report prints this table
 * next to the matrix. Runs that made no pull (did not complete) have no row.
 */
final class RepeatedPulls {
  static final List<String> HEADER =
      List.of("repeated scenario", "containerd", "pulled", "min", "median", "p90", "max");

  /** One (scenario, version) row. */
  record Row(String scenario, String family, String version, PullStats stats) {
    List<String> cells() {
      return List.of(
          scenario,
          version,
          stats.pulled(),
          PullStats.ms(stats.min()),
          PullStats.ms(stats.median()),
          PullStats.ms(stats.p90()),
          PullStats.ms(stats.max()));
    }
  }

  private final List<Row> rows;

  RepeatedPulls(List<RunResult> results) {
    List<Row> found = new ArrayList<>();
    for (Matrix.Row row : new Matrix(results).rows()) {
      if (row.scenario().repeat() < 2) {
        continue;
      }
      for (RunResult r : row.cells().values()) {
        if (!r.outcome().pulls().isEmpty()) {
          found.add(
              new Row(
                  r.scenario().id(),
                  r.family().label(),
                  r.family().withReported(Cells.version(r)),
                  PullStats.of(r.outcome().pulls())));
        }
      }
    }
    this.rows = List.copyOf(found);
  }

  List<Row> rows() {
    return rows;
  }

  /**
   * Aligned columns after a blank line, the version as its family alone (the exact versions head
   * the matrix); nothing when no scenario repeated.
   */
  void print(PrintStream out, Redactor redactor) {
    if (rows.isEmpty()) {
      return;
    }
    List<List<String>> lines = new ArrayList<>();
    lines.add(HEADER);
    for (Row row : rows) {
      List<String> cells = new ArrayList<>(row.cells());
      cells.set(1, row.family());
      lines.add(cells);
    }
    out.println();
    // numbers right-aligned, names left
    boolean[] right = {false, false, true, true, true, true, true};
    Fit.table(lines, right).forEach(line -> out.println(redactor.redact(line)));
    out.flush();
  }

  /** A Markdown section with the table, after a blank line; empty when no scenario repeated. */
  String markdown(Redactor redactor) {
    if (rows.isEmpty()) {
      return "";
    }
    StringBuilder md = new StringBuilder("\n## Repeated pulls\n\n| ");
    md.append(String.join(" | ", HEADER)).append(" |\n|---|---|--:|--:|--:|--:|--:|\n");
    for (Row row : rows) {
      md.append("| ");
      List<String> cells = row.cells();
      for (int i = 0; i < cells.size(); i++) {
        String cell = redactor.redact(cells.get(i)).replace("|", "\\|").replace("<", "&lt;");
        md.append(i == 0 ? "[" + cell + "](#" + MarkdownReport.anchor(row.scenario()) + ")" : cell)
            .append(" | ");
      }
      md.setLength(md.length() - 1);
      md.append('\n');
    }
    return md.toString();
  }

  /** An HTML heading and table; empty when no scenario repeated. */
  String html(Redactor redactor) {
    if (rows.isEmpty()) {
      return "";
    }
    StringBuilder h = new StringBuilder("<h2>Repeated pulls</h2>\n<table><tr>");
    HEADER.forEach(c -> h.append("<th>").append(Escape.xml(c)).append("</th>"));
    h.append("</tr>\n");
    for (Row row : rows) {
      h.append("<tr>");
      List<String> cells = row.cells();
      for (int i = 0; i < cells.size(); i++) {
        String cell = Escape.xml(redactor.redact(cells.get(i)));
        h.append(i < 2 ? "<td>" : "<td style=\"text-align:right\">")
            .append(
                i == 0
                    ? "<a href=\"#" + MarkdownReport.anchor(row.scenario()) + "\">" + cell + "</a>"
                    : cell)
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    return h.append("</table>\n").toString();
  }
}
