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
 * @param claims the published claims this scenario puts to the test
 */
public record ScenarioDoc(
    Optional<String> topic, String why, List<String> fixes, List<Claim> claims) {
  public static final ScenarioDoc NONE =
      new ScenarioDoc(Optional.empty(), "", List.of(), List.of());

  public ScenarioDoc {
    why = why == null ? "" : why.strip();
    fixes = List.copyOf(fixes);
    claims = List.copyOf(claims);
  }

  /** The first claim, if any. */
  public Optional<Claim> claim() {
    return claims.stream().findFirst();
  }

  /**
   * A claim and the outcome that would make it true: judged per version from the real run.
   *
   * @param source where it was claimed, e.g. "write-up, Step 2"
   * @param holdsIfSuccess the outcome that confirms the claim ({@code success} or {@code failure})
   * @param step what is judged: every pull (empty), or one pull or observation step
   * @param request with {@code holds_if = "requested"} / {@code "not_requested"}: the claim is
   *     judged by whether some host received a request matching it ({@code holdsIfSuccess} then
   *     means "requested"), e.g. the sandbox image's manifest answered 200 with credentials
   */
  public record Claim(
      String text,
      String source,
      boolean holdsIfSuccess,
      Optional<Step> step,
      Optional<HostPattern> request) {
    public Claim {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("doc.claim.text is required");
      }
      source = source == null ? "" : source;
      java.util.Objects.requireNonNull(step, "step");
      java.util.Objects.requireNonNull(request, "request");
      if (step.isPresent() && request.isPresent()) {
        throw new IllegalArgumentException(
            "a claim is judged by a pull, an observe step or a request, one of them");
      }
    }

    public Claim(String text, String source, boolean holdsIfSuccess) {
      this(text, source, holdsIfSuccess, Optional.empty(), Optional.empty());
    }
  }

  /**
   * The one step a claim is judged by.
   *
   * @param observe an {@code [[observe]]} index (true), or a {@code [[pull]]} index (false)
   * @param index from 0
   */
  public record Step(boolean observe, int index) {
    public Step {
      if (index < 0) {
        throw new IllegalArgumentException("a claim's pull or observe index is 0 or more");
      }
    }
  }
}
