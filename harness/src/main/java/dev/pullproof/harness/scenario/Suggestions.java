package dev.pullproof.harness.scenario;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * "Did you mean" for misspelt keys and names: the closest candidate within a small edit distance.
 */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate nearest to {@code word}, if it is within a third of the word's length; else one
   * the word is the start of ({@code fail} for {@code failure}).
   */
  static Optional<String> nearest(String word, Collection<String> candidates) {
    int allowed = Math.max(1, word.length() / 3);
    Optional<String> near =
        candidates.stream()
            .filter(c -> distance(word.toLowerCase(), c.toLowerCase()) <= allowed)
            .min(Comparator.comparingInt(c -> distance(word.toLowerCase(), c.toLowerCase())));
    if (near.isPresent() || word.length() < 3) {
      return near;
    }
    return candidates.stream().filter(c -> c.startsWith(word)).findFirst();
  }

  /** {@code "; did you mean 'x'?"} or empty. */
  static String didYouMean(String word, Collection<String> candidates) {
    return nearest(word, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  /** Levenshtein distance, with a swap of two neighbours counted as one edit. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
