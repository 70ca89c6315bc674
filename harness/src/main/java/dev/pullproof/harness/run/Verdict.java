package dev.pullproof.harness.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The judgement of one run: {@link Status#PASS} when every expectation held, {@link Status#FAIL}
 * when some did not, {@link Status#ERROR} when the run itself could not complete, {@link
 * Status#OBSERVED} when the scenario expected nothing and the run only recorded what happened.
 */
public record Verdict(Status status, List<Failure> failures, Optional<String> error) {
  /** The kinds of verdict. */
  public enum Status {
    PASS,
    FAIL,
    ERROR,
    OBSERVED
  }

  public Verdict {
    Objects.requireNonNull(status, "status");
    failures = List.copyOf(failures);
    Objects.requireNonNull(error, "error");
    if ((status == Status.FAIL) == failures.isEmpty()) {
      throw new IllegalArgumentException("a FAIL verdict, and only that, carries failures");
    }
    if ((status == Status.ERROR) == error.isEmpty()) {
      throw new IllegalArgumentException("an ERROR verdict, and only that, carries an error");
    }
  }

  public static Verdict of(List<Failure> failures, boolean expectedAnything) {
    if (!failures.isEmpty()) {
      return new Verdict(Status.FAIL, failures, Optional.empty());
    }
    return new Verdict(
        expectedAnything ? Status.PASS : Status.OBSERVED, List.of(), Optional.empty());
  }

  public static Verdict error(String why) {
    return new Verdict(Status.ERROR, List.of(), Optional.of(why));
  }

  /** True unless a FAIL or an ERROR. */
  public boolean ok() {
    return status == Status.PASS || status == Status.OBSERVED;
  }
}
