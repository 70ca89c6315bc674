package dev.pullproof.harness.run;

/**
 * One expectation that did not hold, explaining itself.
 *
 * @param check what was checked, e.g. {@code outcome}, {@code error_contains}, {@code requests}
 * @param expected what the scenario expected
 * @param actual what happened
 * @param detail context that helps: the nearest journal requests, the log lines around; may be
 *     empty
 */
public record Failure(String check, String expected, String actual, String detail) {
  public Failure {
    if (check == null || expected == null || actual == null) {
      throw new IllegalArgumentException("a failure needs check, expected and actual");
    }
    detail = detail == null ? "" : detail;
  }

  /** Several lines: the check, expected, actual and the detail indented. */
  public String message() {
    return check
        + ": expected "
        + expected
        + "\n  actual: "
        + actual
        + (detail.isEmpty() ? "" : "\n  " + detail.replace("\n", "\n  "));
  }
}
