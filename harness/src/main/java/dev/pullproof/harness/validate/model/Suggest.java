package dev.pullproof.harness.validate.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean": the known key nearest to a misspelt one, within a small edit distance. */
public final class Suggest {
  private Suggest() {}

  /** The nearest candidate within a third of the word's length (at least 1, at most 3 edits). */
  public static Optional<String> nearest(String word, Collection<String> candidates) {
    String w = word.toLowerCase().replace('-', '_');
    int allowed = Math.min(3, Math.max(1, word.length() / 3));
    return candidates.stream()
        .filter(c -> distance(w, c.toLowerCase()) <= allowed)
        .min(Comparator.comparingInt(c -> distance(w, c.toLowerCase())));
  }

  /** {@code " Did you mean 'x'?"} or empty. */
  public static String didYouMean(Optional<String> suggestion) {
    return suggestion.map(s -> " Did you mean '" + s + "'?").orElse("");
  }

  /** Edit distance, a swap of two neighbours counting as one edit (optimal string alignment). */
  static int distance(String a, String b) {
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
        boolean swapped =
            i > 1
                && j > 1
                && a.charAt(i - 1) == b.charAt(j - 2)
                && a.charAt(i - 2) == b.charAt(j - 1);
        if (swapped) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
