package dev.pullproof.harness.run;

import java.util.List;
import java.util.stream.IntStream;

/**
 * One of N slices of a catalogue, written {@code K/N} (1-based). Scenarios sorted by id are dealt
 * round-robin: the i-th (from 0) goes to shard {@code i mod N + 1}. Every machine of a CI matrix
 * checking out the same files therefore computes the same split, the shards are disjoint, together
 * they cover everything, and their sizes differ by at most one. A scenario's versions stay in one
 * shard, so each shard's matrix has whole rows.
 */
public record Shard(int index, int count) {
  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "shard must be K/N with 1 <= K <= N, got " + index + "/" + count);
    }
  }

  /** Parses {@code "2/4"}. */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("shard must be written K/N, e.g. 2/4; got '" + text + "'");
    }
    try {
      return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("shard must be written K/N, e.g. 2/4; got '" + text + "'");
    }
  }

  /** This shard's items of a list already in a deterministic order. */
  public <T> List<T> select(List<T> sorted) {
    return IntStream.range(0, sorted.size())
        .filter(i -> i % count == index - 1)
        .mapToObj(sorted::get)
        .toList();
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
