package dev.pullproof.harness.scenario;

import java.util.Objects;

/**
 * One pull of a scenario.
 *
 * @param image the reference as the pod spec would write it; may hold {@link Template} placeholders
 *     such as {@code {{hub.address}}}
 * @param expect expectations for this pull only, over the scenario's
 */
public record PullSpec(
    String image, Via via, PullAuth auth, CtrOptions ctr, ExpectationSet expect) {
  public PullSpec {
    if (image == null || image.isBlank()) {
      throw new IllegalArgumentException("pull image is required");
    }
    Objects.requireNonNull(via, "via");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(ctr, "ctr");
    Objects.requireNonNull(expect, "expect");
  }
}
