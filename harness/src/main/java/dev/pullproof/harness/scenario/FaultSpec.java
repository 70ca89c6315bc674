package dev.pullproof.harness.scenario;

import java.util.List;

/**
 * A rule making a registry misbehave: what goes wrong ({@code kind} with its argument) on which
 * requests (route, method, repository glob) and when (skip {@code after}, then {@code times}, every
 * {@code every}-th, with a seeded probability).
 *
 * @param argument the fault's value as written (a status code, a duration, a byte count...), or
 *     empty for faults without one
 * @param times how many matching requests fail; 0 means no limit
 */
public record FaultSpec(
    String route,
    String method,
    String repository,
    String kind,
    String argument,
    long after,
    long times,
    long every,
    double probability,
    long seed) {

  public static final List<String> ROUTES =
      List.of("any", "base", "token", "manifest", "blob", "upload", "tags", "catalog", "referrers");
  public static final List<String> KINDS =
      List.of(
          "status",
          "delay",
          "stall",
          "reset",
          "close",
          "truncate",
          "corrupt",
          "bandwidth",
          "html",
          "redirect");

  public FaultSpec {
    if (!ROUTES.contains(route)) {
      throw new IllegalArgumentException("fault route must be one of " + ROUTES + ", got " + route);
    }
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("fault must be one of " + KINDS + ", got " + kind);
    }
    if (after < 0 || times < 0 || every < 1) {
      throw new IllegalArgumentException("fault after and times must be >= 0 and every >= 1");
    }
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("fault probability must be 0 to 1, got " + probability);
    }
  }
}
