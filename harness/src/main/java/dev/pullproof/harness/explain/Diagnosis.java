package dev.pullproof.harness.explain;

import java.util.List;
import java.util.Map;

/**
 * What {@code pullproof explain} concluded from one input: the timeline, the ranked causes, what
 * the evidence leaves open and the version, all masked.
 *
 * @param version the version the causes were ranked for: given, inferred, or empty (all versions)
 * @param versionNote how the version was settled, in a sentence
 */
public record Diagnosis(
    String source,
    Evidence.Counts counts,
    String version,
    String versionNote,
    List<Timeline.Event> timeline,
    long timelineDropped,
    List<Cause> causes,
    List<String> unsettled,
    String extraPiece,
    List<String> images,
    List<String> hosts) {
  /**
   * A likely cause.
   *
   * @param matchedOn the version whose run matched best
   * @param exactOn the versions on which containerd printed exactly the matched error
   * @param matched each input line that matched: its number, its text and the catalogue's line
   */
  public record Cause(
      String scenario,
      String file,
      String summary,
      String why,
      String family,
      double score,
      String matchedOn,
      List<String> exactOn,
      List<Line> matched,
      List<Fix> fixes) {}

  /** An input line and the catalogue statement it matched. */
  public record Line(long number, String input, String catalogue, double similarity) {}

  /** A fix the scenario's {@code [doc]} names, and per version whether it pulls. */
  public record Fix(String scenario, String file, Map<String, Boolean> pulls) {}
}
