package dev.pullproof.harness.explain;

import java.util.List;
import java.util.Set;

/**
 * What one input said, once read: the distinct statements (each with its first line, how often and
 * one example), the timeline, what the lines were and how many were skipped.
 *
 * @param secrets credentials found in the input (URL passwords, auth values), masked in every
 *     output
 */
record Evidence(
    List<Observed> statements,
    Timeline timeline,
    Counts counts,
    List<String> images,
    List<String> hosts,
    Set<String> secrets) {
  /** A distinct statement of the input. */
  record Observed(Statement statement, long firstLine, long count, String example) {}

  /**
   * How the input's lines were read.
   *
   * @param cut lines longer than {@link BoundedLines#MAX_CHARS}, read up to there
   * @param binary lines that were mostly not text, skipped
   * @param dropped distinct statements beyond what is kept (counted, not ranked)
   */
  record Counts(
      long lines,
      long log,
      long debug,
      long errors,
      long events,
      long skipped,
      long cut,
      long binary,
      long dropped) {
    long recognised() {
      return log + errors + events;
    }
  }
}
