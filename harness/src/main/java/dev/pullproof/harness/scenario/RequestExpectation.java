package dev.pullproof.harness.scenario;

/** How many requests matching a pattern a registry (or any) should have received. */
public record RequestExpectation(HostPattern pattern, Bounds count) {
  public RequestExpectation {
    if (pattern == null || count == null) {
      throw new IllegalArgumentException("request expectation needs a pattern and a count");
    }
  }
}
