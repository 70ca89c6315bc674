package dev.pullproof.harness.scenario;

import java.util.List;
import java.util.Optional;

/**
 * The registry pulls through from another registry of the world on a miss.
 *
 * @param upstream the name of the registry mirrored
 * @param repositories globs of repositories mirrored; empty means all
 * @param manifestsOnly the mirror serves manifests but not blobs (a partial mirror)
 * @param credentials what the mirror presents to the upstream; empty for anonymous
 */
public record MirrorSpec(
    String upstream,
    List<String> repositories,
    boolean manifestsOnly,
    Optional<PullAuth.PullSecret> credentials) {
  public MirrorSpec {
    if (upstream == null || upstream.isEmpty()) {
      throw new IllegalArgumentException("mirror upstream is required");
    }
    repositories = List.copyOf(repositories);
    java.util.Objects.requireNonNull(credentials, "credentials");
  }
}
