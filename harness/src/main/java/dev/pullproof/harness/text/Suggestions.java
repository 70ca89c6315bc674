package dev.pullproof.harness.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * "Did you mean" for misspelt keys and names, with one rule for scenarios, worlds and validate: the
 * candidate nearest to the word within a third of its length (at least 1, at most 3 edits; case is
 * ignored and {@code -} reads as {@code _}); failing that, for words of 3 or more characters, a
 * candidate the word is the start of ({@code fail} for {@code failure}).
 */
public final class Suggestions {
  private Suggestions() {}

  /** The suggestion for {@code word}, if any candidate is close enough. */
  public static Optional<String> nearest(String word, Collection<String> candidates) {
    String w = word.toLowerCase().replace('-', '_');
    int allowed = Math.min(3, Math.max(1, word.length() / 3));
    Optional<String> near =
        candidates.stream()
            .filter(c -> distance(w, c.toLowerCase()) <= allowed)
            .min(Comparator.comparingInt(c -> distance(w, c.toLowerCase())));
    if (near.isPresent() || word.length() < 3) {
      return near;
    }
    return candidates.stream().filter(c -> c.startsWith(word)).findFirst();
  }

  /** {@code "; did you mean 'x'?"}, to end a clause, or empty. */
  public static String didYouMean(String word, Collection<String> candidates) {
    return didYouMean(nearest(word, candidates));
  }

  /** {@code "; did you mean 'x'?"} for a suggestion already found, or empty. */
  public static String didYouMean(Optional<String> suggestion) {
    return suggestion.map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  /** {@code " Did you mean 'x'?"}, to follow a full sentence (validate's findings), or empty. */
  public static String didYouMeanSentence(Optional<String> suggestion) {
    return suggestion.map(s -> " " + question(s)).orElse("");
  }

  /** {@code "Did you mean 'x'?"} as a sentence of its own. */
  public static String question(String suggestion) {
    return "Did you mean '" + suggestion + "'?";
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
