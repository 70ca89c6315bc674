package dev.pullproof.harness.report;

import dev.pullproof.harness.run.RunResult;
import java.util.List;

/**
 * The question an upgrade asks: which scenarios did something different on different versions. A
 * row differs when its versions did not all end the same way (pulled, pulled some, failed) with the
 * same causes; how many of a repeated scenario's pulls failed is not compared, since that varies
 * from run to run.
 */
final class VersionDiff {
  private VersionDiff() {}

  static List<Matrix.Row> rows(Matrix matrix) {
    return matrix.rows().stream().filter(VersionDiff::differs).toList();
  }

  static boolean differs(Matrix.Row row) {
    return row.cells().size() > 1
        && row.cells().values().stream().map(Cells::behaviour).distinct().count() > 1;
  }

  /** {@code 1.6 pulled | 1.7 x509 unknown CA | 2 x509 unknown CA}. */
  static String sides(Matrix.Row row, String separator) {
    return String.join(
        separator,
        row.cells().entrySet().stream()
            .map(e -> e.getKey().label() + " " + Cells.brief(e.getValue()))
            .toList());
  }

  static final String INTRO =
      "Scenarios whose outcome differs between the versions run, with the cause on each side";

  static String none(List<RunResult> results) {
    return "Every scenario ended the same way on each version it ran on ("
        + results.size()
        + " runs).";
  }
}
