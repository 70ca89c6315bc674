package dev.pullproof.harness.containerd;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where ci/ scripts keep downloads: the {@code pullproof.cache} system property (set by the build
 * for tests), else {@code PULLPROOF_CACHE}, else {@code .cache} in the working directory.
 */
public final class CacheRoot {
  private CacheRoot() {}

  public static Path resolve(Map<String, String> environment, String systemProperty) {
    if (systemProperty != null && !systemProperty.isBlank()) {
      return Path.of(systemProperty);
    }
    String fromEnvironment = environment.get("PULLPROOF_CACHE");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Path.of(fromEnvironment);
    }
    return Path.of(".cache").toAbsolutePath();
  }

  /** The cache root of this process, from its system property and environment. */
  public static Path current() {
    return resolve(System.getenv(), System.getProperty("pullproof.cache"));
  }
}
