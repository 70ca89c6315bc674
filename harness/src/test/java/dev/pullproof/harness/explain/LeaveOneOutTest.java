package dev.pullproof.harness.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.explain.SignatureFile.RunEvidence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each failing (scenario, version) run the catalogue recorded, its pull errors and containerd log
 * as input, ranked against the signatures with that scenario's own left out: the top cause must be
 * of the same failure family in at least 90% of the runs whose family some other scenario shows.
 * Reads docs/explain-signatures.json (a real catalogue run); no Docker.
 */
class LeaveOneOutTest {
  static final Path SIGNATURES = repoRoot().resolve("docs/explain-signatures.json");

  @Test
  void theRightFamilyRanksFirstForNineInTenOfTheCataloguesFailures() throws Exception {
    SignatureFile file = SignatureDatabase.read(SIGNATURES);
    SignatureDatabase db = SignatureDatabase.of(file);
    Map<String, int[]> perVersion = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    Map<String, String> familyOf = new HashMap<>();
    db.signatures().forEach(s -> familyOf.put(s.scenario() + "@" + s.version(), s.family()));
    for (RunEvidence run : file.runs()) {
      if (run.failed() == 0) {
        continue;
      }
      String family = familyOf.get(run.scenario() + "@" + run.version());
      SignatureDatabase others = db.without(run.scenario());
      int[] tally = perVersion.computeIfAbsent(run.version(), v -> new int[3]);
      if (others.signatures().stream().noneMatch(s -> s.family().equals(family))) {
        tally[2]++;
        continue;
      }
      List<String> lines = new ArrayList<>();
      run.errors().forEach(lines::addAll);
      lines.addAll(run.log());
      Evidence evidence = Scan.of(lines);
      Map<String, Integer> votes = new HashMap<>();
      List<Ranking.Cause> ranked =
          Ranking.rank(evidence, others, Ranking.inferVersions(evidence, others, votes));
      tally[1]++;
      if (!ranked.isEmpty() && ranked.get(0).signature().family().equals(family)) {
        tally[0]++;
      } else {
        misses.add(
            run.scenario()
                + " on "
                + run.version()
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
    int right = 0;
    int total = 0;
    StringBuilder report =
        new StringBuilder(
            "leave-one-out over the catalogue's recorded failing runs (info-level logs):\n");
    for (Map.Entry<String, int[]> e : perVersion.entrySet()) {
      int[] t = e.getValue();
      right += t[0];
      total += t[1];
      report.append(
          String.format(
              Locale.ROOT,
              "  %-4s %d/%d = %.1f%% right family first (%d more whose family no other scenario shows)%n",
              e.getKey(),
              t[0],
              t[1],
              100.0 * t[0] / Math.max(1, t[1]),
              t[2]));
    }
    report.append(
        String.format(
            Locale.ROOT,
            "  all  %d/%d = %.1f%%%n",
            right,
            total,
            100.0 * right / Math.max(1, total)));
    misses.forEach(m -> report.append("  miss: ").append(m).append('\n'));
    System.out.print(report);
    Files.createDirectories(repoRoot().resolve("harness/target"));
    Files.writeString(repoRoot().resolve("harness/target/explain-leave-one-out.txt"), report);
    assertThat(total).isGreaterThan(50);
    for (Map.Entry<String, int[]> e : perVersion.entrySet()) {
      assertThat(e.getValue()[0])
          .as(report.toString())
          .isGreaterThanOrEqualTo((int) Math.ceil(0.9 * e.getValue()[1]));
    }
  }

  static Path repoRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("docs")) ? here : here.getParent();
  }
}
