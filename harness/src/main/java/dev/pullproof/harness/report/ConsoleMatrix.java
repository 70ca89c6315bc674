package dev.pullproof.harness.report;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.version.ContainerdVersion;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario x version matrix as plain text for the console, printed once a run ends, within
 * {@link Fit#WIDTH} columns: the exact containerd versions, the scenarios that differ between
 * versions, then one row per scenario whose cells carry the verdict as a mark and what the node did
 * (pulled, or the cause class of the failure) with a note number; the notes give containerd's own
 * text in full (the same text in several cells shares a note). Secrets are redacted.
 */
public final class ConsoleMatrix {
  /** A cell's widest; the cause is cut to fit and the note has it whole. */
  static final int CELL = 30;

  private final Redactor redactor;

  public ConsoleMatrix(Redactor redactor) {
    this.redactor = redactor;
  }

  public void print(List<RunResult> results, PrintStream out) {
    Matrix matrix = new Matrix(results);
    Map<String, Integer> notes = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("scenario"));
    matrix.columns().forEach(f -> header.add(f.label()));
    rows.add(header);
    for (Matrix.Row row : matrix.rows()) {
      List<String> cells = new ArrayList<>(List.of(row.scenario().id()));
      for (ContainerdVersion family : matrix.columns()) {
        cells.add(row.cell(family).map(r -> cell(r, notes)).orElse("-"));
      }
      rows.add(cells);
    }
    out.println();
    lines(out, "containerd: " + Versions.exact(matrix, results, " = ", ", "), "  ");
    List<Matrix.Row> differ = VersionDiff.rows(matrix);
    out.println();
    if (differ.isEmpty()) {
      lines(out, VersionDiff.none(results), "");
    } else {
      lines(out, VersionDiff.INTRO + " (" + differ.size() + "):", "");
      for (Matrix.Row row : differ) {
        lines(out, "  " + row.scenario().id() + ": " + VersionDiff.sides(row, " | "), "      ");
      }
    }
    out.println();
    for (String line : Fit.table(rows, new boolean[header.size()])) {
      out.println(redactor.redact(line));
    }
    out.println();
    lines(out, "Marks: " + Cells.MARKS + ".", "  ");
    lines(
        out,
        "Then what the node did: pulled, or why the pulls failed; [n] is the note with"
            + " containerd's full message. '-': not run on that version.",
        "  ");
    if (!notes.isEmpty()) {
      out.println();
    }
    notes.forEach((text, n) -> lines(out, "[" + n + "] " + text, "    "));
    new RepeatedPulls(results).print(out, redactor);
    out.flush();
  }

  private void lines(PrintStream out, String text, String indent) {
    Fit.wrap(redactor.redact(text), indent).forEach(out::println);
  }

  private static String cell(RunResult r, Map<String, Integer> notes) {
    String brief = Cells.mark(r) + " " + Cells.brief(r);
    if (Cells.did(r) == Cells.Did.PULLED) {
      return brief;
    }
    String note = " [" + notes.computeIfAbsent(Cells.happened(r), k -> notes.size() + 1) + "]";
    return Fit.clip(brief, CELL - note.length()) + note;
  }
}
