package dev.pullproof.harness.report;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.scenario.ScenarioDoc;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The catalogue's first table: each published claim a scenario tests, judged per version. */
final class ClaimsTable {
  private final Matrix matrix;

  ClaimsTable(Matrix matrix) {
    this.matrix = matrix;
  }

  void appendTo(StringBuilder md, UnaryOperator<String> clean) {
    if (matrix.rows().stream().noneMatch(r -> r.scenario().doc().claim().isPresent())) {
      return;
    }
    md.append("## Claims put to the test\n\n")
        .append("Each claim is judged by the scenario named: true on a version where its pulls")
        .append(" ended the way the claim predicts.\n\n| claim | source | scenario |");
    matrix.columns().forEach(c -> md.append(" ").append(c.label()).append(" |"));
    md.append("\n|---|---|---|");
    matrix.columns().forEach(c -> md.append("---|"));
    md.append('\n');
    for (Matrix.Row row : matrix.rows()) {
      Optional<ScenarioDoc.Claim> claim = row.scenario().doc().claim();
      if (claim.isEmpty()) {
        continue;
      }
      md.append("| ")
          .append(Escape.markdownCell(claim.get().text()))
          .append(" | ")
          .append(Escape.markdownCell(claim.get().source()))
          .append(" | `")
          .append(row.scenario().id())
          .append("` |");
      for (ContainerdVersion family : matrix.columns()) {
        Optional<RunResult> r = row.cell(family);
        md.append(' ')
            .append(r.map(x -> ClaimVerdict.of(claim.get(), x).word()).orElse("-"))
            .append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }
}
