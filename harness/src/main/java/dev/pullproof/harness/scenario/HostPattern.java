package dev.pullproof.harness.scenario;

/**
 * A journal pattern on one scenario registry, written {@code "hub GET /v2/ -> 401"}: the registry
 * name ({@code *} for any), then a {@link RequestPattern}.
 */
public record HostPattern(String registry, RequestPattern pattern) {
  public static final String ANY = "*";

  public HostPattern {
    if (registry == null || registry.isEmpty()) {
      throw new IllegalArgumentException("request pattern needs a registry name first");
    }
  }

  /** Parses {@code "hub GET /v2/ -> 401"}. */
  public static HostPattern parse(String text) {
    String trimmed = text.trim();
    int space = trimmed.indexOf(' ');
    if (space <= 0) {
      throw new IllegalArgumentException(
          "request '" + text + "' must be 'REGISTRY METHOD PATH [-> STATUS]', e.g. 'hub GET /v2/'");
    }
    return new HostPattern(
        trimmed.substring(0, space), RequestPattern.parse(trimmed.substring(space + 1)));
  }

  public boolean anyRegistry() {
    return registry.equals(ANY);
  }

  @Override
  public String toString() {
    return registry + " " + pattern;
  }
}
