package dev.pullproof.harness.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.explain.SignatureFile.RunEvidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each failing (scenario, version) run the catalogue recorded, at info and at debug level, its pull
 * errors and containerd log (with the start-up lines the generator set apart, at the run's level)
 * as input, ranked against the signatures with that scenario's own (at every level) left out: the
 * top cause must be of the same failure family in at least 90% of the runs whose family some other
 * scenario shows, for each version at each level. Reads docs/explain-signatures.json (a real
 * catalogue run); no Docker.
 */
class LeaveOneOutTest {
  static final Path SIGNATURES = repoRoot().resolve("docs/explain-signatures.json");

  static final List<String> LEVELS = List.of("info", "debug");

  static SignatureFile file;
  static SignatureDatabase db;

  @BeforeAll
  static void load() throws IOException {
    file = SignatureDatabase.read(SIGNATURES);
    db = SignatureDatabase.of(file);
  }

  @Test
  void theRightFamilyRanksFirstForNineInTenOfTheCataloguesFailuresAtInfoAndDebugLevel()
      throws IOException {
    Map<String, SignatureDatabase> without = new HashMap<>();
    String report =
        leaveOneOut(
            "leave-one-out over the catalogue's recorded failing runs, every level's signatures:",
            (run, level) -> without.computeIfAbsent(run.scenario(), db::without),
            "explain-leave-one-out.txt");
    for (String level : LEVELS) {
      assertThat(report).contains("  all  " + level);
    }
  }

  @Test
  void debugLevelEvidenceRanksAsWellAgainstInfoLevelSignaturesOnly() throws IOException {
    // A debug log's many request lines must not drown the few that tell failures apart, even
    // where the signatures were recorded at info level.
    leaveOneOut(
        "leave-one-out, info-level signatures only:",
        (run, level) -> db.without(run.scenario(), "info"),
        "explain-leave-one-out-info-signatures.txt");
  }

  /** Per version and level: right first, ranked, and failures no other scenario shows. */
  private record Tally(int right, int ranked, int unrankable) {
    Tally plus(Tally other) {
      return new Tally(right + other.right, ranked + other.ranked, unrankable + other.unrankable);
    }

    boolean nineInTen() {
      return right >= Math.ceil(0.9 * ranked);
    }
  }

  /** Ranks every failing run, prints and writes the figures, asserts nine in ten per cell. */
  private static String leaveOneOut(
      String title, BiFunction<RunEvidence, String, SignatureDatabase> others, String reportFile)
      throws IOException {
    Map<String, Tally> tallies = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    Map<String, String> familyOf = new HashMap<>();
    Map<String, Set<String>> familiesOf = new HashMap<>();
    db.signatures()
        .forEach(
            s -> {
              String k = key(s.scenario(), s.version(), s.level());
              familyOf.put(k, s.family());
              familiesOf.put(k, failureFamilies(s));
            });
    for (RunEvidence run : file.runs()) {
      if (run.failed() == 0) {
        continue;
      }
      String family = familyOf.get(key(run.scenario(), run.version(), run.level()));
      Set<String> families = familiesOf.get(key(run.scenario(), run.version(), run.level()));
      SignatureDatabase rest = others.apply(run, run.level());
      String cell = run.version() + " " + run.level();
      if (rest.signatures().stream().noneMatch(s -> families.contains(s.family()))) {
        tallies.merge(cell, new Tally(0, 0, 1), Tally::plus);
        continue;
      }
      Evidence evidence = Scan.of(captured(run));
      List<Ranking.Cause> ranked =
          Ranking.rank(evidence, rest, Ranking.inferVersions(evidence, rest, new HashMap<>()));
      boolean first = !ranked.isEmpty() && families.contains(ranked.get(0).signature().family());
      tallies.merge(cell, new Tally(first ? 1 : 0, 1, 0), Tally::plus);
      if (!first) {
        misses.add(
            run.scenario()
                + " on "
                + cell
                + ": "
                + family
                + " -> "
                + (ranked.isEmpty()
                    ? "nothing"
                    : ranked.get(0).signature().scenario()
                        + ": "
                        + ranked.get(0).signature().family()));
      }
    }
    String report = report(title, tallies, misses);
    System.out.print(report);
    Files.createDirectories(repoRoot().resolve("harness/target"));
    Files.writeString(repoRoot().resolve("harness/target").resolve(reportFile), report);
    for (String level : LEVELS) {
      assertThat(
              tallies.entrySet().stream()
                  .filter(e -> e.getKey().endsWith(" " + level))
                  .mapToInt(e -> e.getValue().ranked())
                  .sum())
          .as("ranked failing runs at " + level + " level\n" + report)
          .isGreaterThan(50);
    }
    tallies.forEach((cell, t) -> assertThat(t.nineInTen()).as(cell + " in\n" + report).isTrue());
    return report;
  }

  /**
   * The families of every error the run's pulls returned: a run whose steps failed in two ways (an
   * observe scenario's several pulls) shows both, and ranking either first is right.
   */
  private static Set<String> failureFamilies(SignatureDatabase.Signature s) {
    Set<String> families = new TreeSet<>();
    families.add(s.family());
    s.statements().stream()
        .filter(st -> st.kind() == Statement.Kind.ERROR)
        .forEach(st -> families.add(Family.of(st.key())));
    return families;
  }

  /** The run's errors and log, and the start-up lines of its version logged at its level. */
  private static List<String> captured(RunEvidence run) {
    List<String> lines = new ArrayList<>();
    run.errors().forEach(lines::addAll);
    lines.addAll(run.log());
    file.common().getOrDefault(run.version(), List.of()).stream()
        .filter(l -> run.level().equals("debug") || !isDebug(l))
        .forEach(lines::add);
    return lines;
  }

  private static boolean isDebug(String line) {
    return LineReader.read(line, 0)
        .filter(l -> l instanceof InputLine.LogEntry e && e.level().matches("debug|trace"))
        .isPresent();
  }

  private static String key(String scenario, String version, String level) {
    return scenario + "@" + version + "@" + level;
  }

  private static String report(String title, Map<String, Tally> tallies, List<String> misses) {
    StringBuilder report = new StringBuilder(title).append('\n');
    for (String level : LEVELS) {
      Tally all = new Tally(0, 0, 0);
      for (Map.Entry<String, Tally> e : tallies.entrySet()) {
        if (!e.getKey().endsWith(" " + level)) {
          continue;
        }
        Tally t = e.getValue();
        all = all.plus(t);
        report.append(
            String.format(
                Locale.ROOT,
                "  %-4s %-5s %d/%d = %.1f%% right family first (%d more whose family no other"
                    + " scenario shows)%n",
                e.getKey().substring(0, e.getKey().indexOf(' ')),
                level,
                t.right(),
                t.ranked(),
                100.0 * t.right() / Math.max(1, t.ranked()),
                t.unrankable()));
      }
      report.append(
          String.format(
              Locale.ROOT,
              "  all  %-5s %d/%d = %.1f%%%n",
              level,
              all.right(),
              all.ranked(),
              100.0 * all.right() / Math.max(1, all.ranked())));
    }
    misses.forEach(m -> report.append("  miss: ").append(m).append('\n'));
    return report.toString();
  }

  static Path repoRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("docs")) ? here : here.getParent();
  }
}
