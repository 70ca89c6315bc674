package dev.pullproof.harness.report;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioDoc;
import dev.pullproof.harness.version.ContainerdVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The failure catalogue as Markdown ({@code docs/failure-catalogue.md}), rendered from a real run:
 * the published claims judged per version, then per topic each scenario with what every version did
 * (containerd's own message), why (its {@code [doc]}), and the verdicts of the fixes it names. What
 * changes from run to run is normalised so that the page only changes when containerd's behaviour
 * does: loopback addresses with their ports, also URL-encoded as in {@code ns=127.0.0.2%3A41771},
 * are written {@code <loopback>}, timestamps {@code <time>}, and the run's own start and length are
 * left out.
 */
public final class CatalogueDoc {
  private static final Pattern LOOPBACK =
      Pattern.compile("127\\.0\\.0\\.\\d{1,3}(?:(?::|%3[Aa])\\d+)?");
  private static final Pattern TIME =
      Pattern.compile(
          "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:\\d\\d)");

  private final Redactor redactor;
  private final String command;

  /**
   * @param command the command that regenerates the page, printed in it
   */
  public CatalogueDoc(Redactor redactor, String command) {
    this.redactor = redactor;
    this.command = command;
  }

  /** The page; the same containerd behaviour gives the same bytes. */
  public String render(List<RunResult> results) {
    Matrix matrix = new Matrix(results);
    StringBuilder md = new StringBuilder("# Failure catalogue\n\n");
    md.append("Generated from a run of ")
        .append(matrix.rows().size())
        .append(" scenarios (")
        .append(results.size())
        .append(" runs) on ")
        .append(versions(matrix, results))
        .append(": ")
        .append(results.stream().filter(r -> r.verdict().ok()).count())
        .append(" runs held their expectations. Regenerate with `")
        .append(command)
        .append("`. Every message below is what containerd printed in that run; loopback")
        .append(
            " addresses (with their ports) are written `<loopback>` and timestamps `<time>`.\n\n");
    new ClaimsTable(matrix).appendTo(md, this::clean);
    Map<String, List<Matrix.Row>> topics = new LinkedHashMap<>();
    for (Matrix.Row row : matrix.rows()) {
      topics.computeIfAbsent(topic(row.scenario()), t -> new java.util.ArrayList<>()).add(row);
    }
    topics.forEach(
        (topic, rows) -> {
          md.append("## ").append(topic).append("\n\n");
          rows.forEach(row -> scenario(md, row, matrix));
        });
    return redactor.redact(md.toString());
  }

  /** Renders and writes the page, creating its directory. */
  public void write(List<RunResult> results, Path page) throws IOException {
    if (page.toAbsolutePath().getParent() != null) {
      Files.createDirectories(page.toAbsolutePath().getParent());
    }
    Files.writeString(page, render(results));
  }

  /**
   * As {@link #write(List, Path)}: the run's end and length are not printed, since they would
   * change the page on every run.
   */
  public void write(List<RunResult> results, Instant finished, Duration wallTime, Path page)
      throws IOException {
    write(results, page);
  }

  private void scenario(StringBuilder md, Matrix.Row row, Matrix matrix) {
    Scenario s = row.scenario();
    ScenarioDoc doc = s.doc();
    md.append("### ").append(s.id()).append("\n\n");
    md.append(s.summary().isEmpty() ? s.name() : s.summary()).append("\n\n");
    if (!doc.why().isEmpty()) {
      md.append("**Why:** ").append(doc.why().replace('\n', ' ')).append("\n\n");
    }
    md.append("| containerd | verdict | what the node saw |\n|---|---|---|\n");
    for (ContainerdVersion family : matrix.columns()) {
      row.cell(family)
          .ifPresent(
              r ->
                  md.append("| ")
                      .append(Cells.version(r))
                      .append(" | ")
                      .append(Cells.status(r))
                      .append(" | ")
                      .append(Escape.markdownCell(clean(Cells.happened(r))))
                      .append(" |\n"));
    }
    md.append('\n');
    for (String fix : doc.fixes()) {
      Path file = s.file().toAbsolutePath().getParent().resolve(fix).normalize();
      md.append("**Fix:** ").append(fixLine(file, matrix)).append("\n\n");
    }
  }

  private static String fixLine(Path file, Matrix matrix) {
    Optional<Matrix.Row> fix =
        matrix.rows().stream()
            .filter(r -> r.scenario().file().toAbsolutePath().normalize().equals(file))
            .findFirst();
    if (fix.isEmpty()) {
      return "`" + file.getFileName() + "` (not part of this run)";
    }
    String id = fix.get().scenario().id();
    StringBuilder line =
        new StringBuilder("[").append(id).append("](#").append(slug(id)).append("): ");
    List<String> parts = new java.util.ArrayList<>();
    for (ContainerdVersion family : matrix.columns()) {
      fix.get()
          .cell(family)
          .ifPresent(r -> parts.add(family.label() + " " + (pulled(r) ? "pulls" : "fails")));
    }
    return line.append(String.join(", ", parts)).toString();
  }

  private static boolean pulled(RunResult r) {
    return r.outcome().harnessError().isEmpty()
        && !r.outcome().pulls().isEmpty()
        && r.outcome().pulls().stream().allMatch(p -> p.success());
  }

  private static String topic(Scenario s) {
    return s.doc().topic().orElseGet(() -> TopicTitles.of(s));
  }

  private static String versions(Matrix matrix, List<RunResult> results) {
    List<String> exact = new java.util.ArrayList<>();
    for (ContainerdVersion family : matrix.columns()) {
      results.stream()
          .filter(r -> r.family().equals(family) && !r.outcome().containerdVersion().isEmpty())
          .findFirst()
          .ifPresent(r -> exact.add("containerd " + r.outcome().containerdVersion()));
    }
    return String.join(", ", exact);
  }

  /** The anchor a Markdown renderer gives a heading: lower case, punctuation but - and _ gone. */
  static String slug(String heading) {
    return heading
        .toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9 _-]", "")
        .replace(' ', '-');
  }

  String clean(String text) {
    return TIME.matcher(LOOPBACK.matcher(text).replaceAll("<loopback>")).replaceAll("<time>");
  }
}
