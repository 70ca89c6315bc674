package dev.pullproof.harness.validate.corpus;

import static org.assertj.core.api.Assertions.fail;

import dev.pullproof.harness.node.LiveValidation;
import dev.pullproof.harness.validate.NodeFiles;
import dev.pullproof.harness.validate.Validation;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.testing.Needs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pullproof validate}, static and live, on every node configuration under {@code
 * examples/corpus/}, on real containerd 1.6, 1.7 and 2.x: every finding and each version's verdict
 * against the entry's {@code expected.toml}, which records what containerd did.
 *
 * <p>{@code -Dpullproof.corpus.record=true} (or {@code PULLPROOF_CORPUS_RECORD=1}) writes each
 * {@code expected.toml} from the run instead, keeping the false alarms a reviewer marked; {@code
 * -Dpullproof.corpus.only=06-,14-kind-node} runs the entries whose names start so. A timing table
 * goes to {@code target/validate-corpus/table.md}.
 */
@Needs(docker = true)
class ValidateCorpusIT {
  private static final List<ContainerdVersion> TARGETS = ContainerdVersion.families();

  @TempDir Path dir;

  static Path corpus() {
    String scenarios = System.getProperty("pullproof.scenarios");
    Path base = scenarios != null ? Path.of(scenarios).getParent() : Path.of("..");
    return base.resolve("examples").resolve("corpus");
  }

  private static boolean recording() {
    return Boolean.getBoolean("pullproof.corpus.record")
        || "1".equals(System.getenv("PULLPROOF_CORPUS_RECORD"));
  }

  private static List<Path> entries() throws IOException {
    List<String> only =
        Arrays.stream(System.getProperty("pullproof.corpus.only", "").split(","))
            .filter(s -> !s.isBlank())
            .toList();
    try (Stream<Path> list = Files.list(corpus())) {
      return list.filter(p -> Files.isRegularFile(p.resolve("config.toml")))
          .filter(
              p -> only.isEmpty() || only.stream().anyMatch(p.getFileName().toString()::startsWith))
          .sorted()
          .toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusConfigGetsTheFindingsAndVerdictsContainerdBacks()
      throws IOException {
    Path table = Path.of("target", "validate-corpus", "table.md");
    Files.createDirectories(table.getParent());
    Files.writeString(
        table,
        "| config | 1.6 | 1.7 | 2 | findings (E/W/I) | run time |\n|---|---|---|---|---|---|\n");
    return entries().stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(entry.getFileName().toString(), () -> check(entry, table)));
  }

  private void check(Path entry, Path table) throws Exception {
    String name = entry.getFileName().toString();
    long start = System.nanoTime();
    Validation v = validate(entry);
    double seconds = (System.nanoTime() - start) / 1e9;
    Observed run = Observed.of(v, entry);
    Files.writeString(table, row(name, run, seconds), java.nio.file.StandardOpenOption.APPEND);
    Path file = entry.resolve("expected.toml");
    Optional<Expected> expected = Expected.read(file);
    if (recording()) {
      Expected.recorded(run, expected).write(file, name);
      return;
    }
    if (expected.isEmpty()) {
      fail(name + ": no expected.toml; record one with -Dpullproof.corpus.record=true");
    }
    List<String> mismatches = Mismatches.of(name, expected.get(), run);
    if (!mismatches.isEmpty()) {
      fail(
          mismatches.size()
              + " difference(s) from what containerd did:\n  "
              + String.join("\n  ", mismatches));
    }
  }

  private Validation validate(Path entry) throws Exception {
    Optional<Path> certs = Optional.of(entry.resolve("certs.d")).filter(Files::isDirectory);
    NodeFiles files = new NodeFiles(entry.resolve("config.toml"), certs);
    List<String> images =
        Files.readAllLines(entry.resolve("images.txt")).stream()
            .map(String::trim)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    return LiveValidation.run(files, images, TARGETS, dir.resolve(entry.getFileName().toString()));
  }

  private static String row(String name, Observed run, double seconds) {
    StringBuilder out = new StringBuilder("| " + name + " |");
    for (ContainerdVersion f : TARGETS) {
      out.append(' ')
          .append(
              run.versions().stream()
                  .filter(l -> l.family().equals(f.label()))
                  .map(Observed.VersionLine::verdict)
                  .findFirst()
                  .orElse("-"))
          .append(" |");
    }
    long e = run.findings().stream().filter(l -> l.severity().equals("ERROR")).count();
    long w = run.findings().stream().filter(l -> l.severity().equals("WARNING")).count();
    long i = run.findings().size() - e - w;
    return out.append(String.format(" %d/%d/%d | %.1f s |%n", e, w, i, seconds)).toString();
  }
}
