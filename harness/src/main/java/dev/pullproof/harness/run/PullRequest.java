package dev.pullproof.harness.run;

import dev.pullproof.harness.scenario.CtrOptions;
import dev.pullproof.harness.scenario.Via;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One pull to make.
 *
 * @param image the reference, placeholders filled in
 * @param timeout how long the pull may take before the node gives up on it
 */
public record PullRequest(
    String image, Via via, Optional<Credentials> credentials, CtrOptions ctr, Duration timeout) {
  public PullRequest {
    if (image == null || image.isBlank()) {
      throw new IllegalArgumentException("image is required");
    }
    Objects.requireNonNull(via, "via");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(ctr, "ctr");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }
}
