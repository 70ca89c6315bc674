package dev.pullproof.harness.report;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.ArrayList;
import java.util.List;

/** The exact containerd versions a run met, one per family column. */
final class Versions {
  private Versions() {}

  /** {@code 1.6 = 1.6.20~ds1-1+deb12u3, 2 = 2.1.9+ds1-5}, or the family alone when none started. */
  static String exact(Matrix matrix, List<RunResult> results, String is, String separator) {
    List<String> parts = new ArrayList<>();
    for (ContainerdVersion family : matrix.columns()) {
      String exact =
          results.stream()
              .filter(r -> r.family().equals(family) && !r.outcome().containerdVersion().isEmpty())
              .map(r -> r.outcome().containerdVersion())
              .findFirst()
              .orElse("not started");
      parts.add(family.label() + is + exact);
    }
    return String.join(separator, parts);
  }
}
