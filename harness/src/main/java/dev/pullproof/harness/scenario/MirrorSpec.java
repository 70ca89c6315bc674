package dev.pullproof.harness.scenario;

import java.util.List;

/**
 * The registry pulls through from another scenario registry on a miss.
 *
 * @param upstream the name of the registry mirrored
 * @param repositories globs of repositories mirrored; empty means all
 * @param manifestsOnly the mirror serves manifests but not blobs (a partial mirror)
 */
public record MirrorSpec(String upstream, List<String> repositories, boolean manifestsOnly) {
  public MirrorSpec {
    if (upstream == null || upstream.isEmpty()) {
      throw new IllegalArgumentException("mirror upstream is required");
    }
    repositories = List.copyOf(repositories);
  }
}
