package dev.pullproof.harness.world;

import java.util.Optional;

/**
 * Scenario files are relative to {@code /etc/containerd}; a file a config names elsewhere on the
 * node (a base runtime spec, a CNI directory, a CA outside /etc/containerd) is written as {@code
 * node-root/<absolute path>}, which the containerd node places at that absolute path.
 */
public final class NodeRoot {
  public static final String PREFIX = "node-root/";

  private NodeRoot() {}

  /** The scenario path of an absolute node path. */
  public static String key(String absolutePath) {
    if (!absolutePath.startsWith("/")) {
      throw new IllegalArgumentException("not an absolute node path: " + absolutePath);
    }
    return PREFIX + absolutePath.substring(1);
  }

  /** The absolute node path of a scenario path under {@link #PREFIX}. */
  public static Optional<String> absolute(String scenarioPath) {
    return scenarioPath.startsWith(PREFIX)
        ? Optional.of("/" + scenarioPath.substring(PREFIX.length()))
        : Optional.empty();
  }
}
