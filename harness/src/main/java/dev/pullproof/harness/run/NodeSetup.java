package dev.pullproof.harness.run;

import dev.pullproof.harness.scenario.VersionFamily;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a node starts with.
 *
 * @param files path below {@code /etc/containerd} to content, placeholders already filled in
 * @param extraHosts host name to loopback address, for the container's hosts file (impersonated
 *     registries)
 * @param runLabel identifies this run's containers, for cleanup
 */
public record NodeSetup(
    VersionFamily family,
    Map<String, String> files,
    Map<String, String> extraHosts,
    String runLabel) {
  public NodeSetup {
    Objects.requireNonNull(family, "family");
    files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    extraHosts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraHosts));
    if (runLabel == null || runLabel.isBlank()) {
      throw new IllegalArgumentException("runLabel is required");
    }
  }
}
