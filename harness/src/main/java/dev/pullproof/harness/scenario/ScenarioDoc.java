package dev.pullproof.harness.scenario;

import java.util.List;
import java.util.Optional;

/**
 * What the failure catalogue ({@code docs/failure-catalogue.md}) says about a scenario besides what
 * containerd did: why it happens, which scenarios prove a fix, and the published claim it tests.
 *
 * @param topic the catalogue section; the scenario's directory when not given
 * @param why the cause, in a sentence or two
 * @param fixes the files (relative to this scenario's) of the scenarios that prove a fix
 * @param claim a published claim this scenario puts to the test
 */
public record ScenarioDoc(
    Optional<String> topic, String why, List<String> fixes, Optional<Claim> claim) {
  public static final ScenarioDoc NONE =
      new ScenarioDoc(Optional.empty(), "", List.of(), Optional.empty());

  public ScenarioDoc {
    why = why == null ? "" : why.strip();
    fixes = List.copyOf(fixes);
  }

  /**
   * A claim and the outcome that would make it true: judged per version from the real run.
   *
   * @param source where it was claimed, e.g. "write-up, Step 2"
   * @param holdsIf the pull outcome that confirms the claim ({@code success} or {@code failure})
   */
  public record Claim(String text, String source, boolean holdsIfSuccess) {
    public Claim {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("doc.claim.text is required");
      }
      source = source == null ? "" : source;
    }
  }
}
