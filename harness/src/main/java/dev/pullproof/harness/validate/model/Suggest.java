package dev.pullproof.harness.validate.model;

import dev.pullproof.harness.scenario.Suggestions;
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

  /** Edit distance, a swap of two neighbours counting as one edit: the scenario parser's. */
  static int distance(String a, String b) {
    return Suggestions.distance(a, b);
  }
}
