package dev.pullproof.harness.report;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.version.VersionFamily;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenario x version matrix as plain text for the console, printed once a run ends: a column
 * per family headed by the exact containerd version, one row per scenario with each cell's verdict
 * and "pulled" or a note number, then the notes: containerd's own error text in full (the same text
 * in several cells shares a note), and the pull-time distribution of repeated scenarios. Secrets
 * are redacted.
 */
public final class ConsoleMatrix {
  private final Redactor redactor;

  public ConsoleMatrix(Redactor redactor) {
    this.redactor = redactor;
  }

  public void print(List<RunResult> results, PrintStream out) {
    Matrix matrix = new Matrix(results);
    Map<String, Integer> notes = new LinkedHashMap<>();
    List<String> header = new ArrayList<>(List.of("scenario"));
    for (VersionFamily family : matrix.columns()) {
      header.add(family.label() + " " + exactVersion(results, family).orElse(""));
    }
    List<List<String>> rows = new ArrayList<>();
    for (Matrix.Row row : matrix.rows()) {
      List<String> cells = new ArrayList<>(List.of(row.scenario().id()));
      for (VersionFamily family : matrix.columns()) {
        cells.add(row.cell(family).map(r -> cell(r, notes)).orElse("-"));
      }
      rows.add(cells);
    }
    int[] widths = new int[header.size()];
    for (List<String> line : prepend(header, rows)) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    out.println();
    for (List<String> line : prepend(header, rows)) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < line.size(); i++) {
        text.append(String.format("%-" + widths[i] + "s", line.get(i)));
        text.append(i + 1 < line.size() ? "  " : "");
      }
      out.println(redactor.redact(text.toString().stripTrailing()));
    }
    if (!notes.isEmpty()) {
      out.println();
    }
    notes.forEach((text, n) -> out.println(redactor.redact("[" + n + "] " + text)));
    new RepeatedPulls(results).print(out, redactor);
    out.flush();
  }

  private static String cell(RunResult r, Map<String, Integer> notes) {
    String happened = Cells.happened(r);
    String what =
        happened.equals("pulled")
            ? "pulled"
            : "[" + notes.computeIfAbsent(happened, k -> notes.size() + 1) + "]";
    return Cells.status(r) + " " + what;
  }

  private static Optional<String> exactVersion(List<RunResult> results, VersionFamily family) {
    return results.stream()
        .filter(r -> r.family() == family && !r.outcome().containerdVersion().isEmpty())
        .map(r -> "(" + r.outcome().containerdVersion() + ")")
        .findFirst();
  }

  private static List<List<String>> prepend(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }
}
