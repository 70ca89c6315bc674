package dev.pullproof.harness.explain;

import dev.pullproof.harness.explain.Evidence.Observed;
import dev.pullproof.harness.explain.SignatureDatabase.Signature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks the catalogue's failures against the evidence. Each signature is scored by the weighted F1
 * of two coverages: how much of the input's evidence it explains, and how much of its own
 * statements the input shows; a statement weighs by its kind ({@link Statement#weight}) and by how
 * few scenarios make it. Statements most runs log at start-up are left out: they tell versions
 * apart, not failures. One cause per scenario (its best-matching version).
 */
final class Ranking {
  /** Below this similarity two statements are not the same message. */
  static final double MIN_SIMILARITY = 0.55;

  /** A statement of the input and the catalogue statement it matched. */
  record Match(Observed input, Statement signature, double similarity) {}

  /** A likely cause: the scenario, the version whose run matched best, the score and why. */
  record Cause(Signature signature, double score, List<Match> matches) {}

  private Ranking() {}

  /** The input statements that count as evidence of a failure. */
  static List<Observed> relevant(Evidence evidence, SignatureDatabase db) {
    return evidence.statements().stream().filter(o -> !db.isCommon(o.statement().key())).toList();
  }

  static List<Cause> rank(Evidence evidence, SignatureDatabase db, Set<String> versions) {
    List<Observed> input = relevant(evidence, db);
    if (input.isEmpty()) {
      return List.of();
    }
    Map<String, Double> cache = new HashMap<>();
    Map<String, Cause> best = new LinkedHashMap<>();
    for (Signature sig : db.signatures()) {
      if (!versions.isEmpty() && !versions.contains(sig.version())) {
        continue;
      }
      Cause cause = score(input, sig, db, cache);
      if (cause.score() <= 0) {
        continue;
      }
      Cause previous = best.get(sig.scenario());
      if (previous == null || cause.score() > previous.score()) {
        best.put(sig.scenario(), cause);
      }
    }
    List<Cause> ranked = new ArrayList<>(best.values());
    ranked.sort(
        Comparator.comparingDouble(Cause::score)
            .reversed()
            .thenComparing(c -> c.signature().scenario())
            .thenComparing(c -> c.signature().version()));
    return ranked;
  }

  private static Cause score(
      List<Observed> input, Signature sig, SignatureDatabase db, Map<String, Double> cache) {
    double inputTotal = 0;
    double inputExplained = 0;
    double[] sigBest = new double[sig.statements().size()];
    List<Match> matches = new ArrayList<>();
    for (Observed o : input) {
      Statement u = o.statement();
      double w = u.weight() * db.idf(u.key());
      inputTotal += w;
      double bestSim = 0;
      Statement bestStatement = null;
      for (int i = 0; i < sig.statements().size(); i++) {
        Statement s = sig.statements().get(i);
        String pair = u.key() + "\u0000" + s.key();
        double sim = cache.computeIfAbsent(pair, p -> u.similarity(s));
        if (sim < MIN_SIMILARITY) {
          continue;
        }
        sigBest[i] = Math.max(sigBest[i], sim);
        if (sim > bestSim) {
          bestSim = sim;
          bestStatement = s;
        }
      }
      if (bestStatement != null) {
        inputExplained += w * bestSim;
        matches.add(new Match(o, bestStatement, bestSim));
      }
    }
    double sigTotal = 0;
    double sigShown = 0;
    for (int i = 0; i < sigBest.length; i++) {
      Statement s = sig.statements().get(i);
      if (db.isCommon(s.key())) {
        continue;
      }
      double w = s.weight() * db.idf(s.key());
      sigTotal += w;
      sigShown += w * sigBest[i];
    }
    double precision = inputTotal == 0 ? 0 : inputExplained / inputTotal;
    double recall = sigTotal == 0 ? 0 : sigShown / sigTotal;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new Cause(sig, f1, matches);
  }

  /**
   * The versions the wording points to: each input statement votes for the versions whose runs made
   * the catalogue statements closest to it (start-up lines included), when those are not all
   * versions. Empty when nothing tells them apart; several when the wording fits several.
   */
  static Set<String> inferVersions(
      Evidence evidence, SignatureDatabase db, Map<String, Integer> votes) {
    int families = db.versions().size();
    for (Observed o : evidence.statements()) {
      Set<String> versions = db.closestVersions(o.statement());
      if (versions.isEmpty() || versions.size() >= families) {
        continue;
      }
      versions.forEach(v -> votes.merge(v, 1, Integer::sum));
    }
    if (votes.isEmpty()) {
      return Set.of();
    }
    int top = votes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    Set<String> leaders = new java.util.TreeSet<>();
    votes.forEach(
        (v, n) -> {
          if (n == top) {
            leaders.add(v);
          }
        });
    return leaders.size() >= families ? Set.of() : leaders;
  }
}
