package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.ReleaseLine;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Small helpers for the version lists findings carry. */
final class Families {
  private Families() {}

  static List<ContainerdVersion> where(
      List<ContainerdVersion> targets, Predicate<ContainerdVersion> test) {
    return targets.stream().filter(test).toList();
  }

  /** The 2.x targets. */
  static List<ContainerdVersion> twoX(List<ContainerdVersion> targets) {
    return where(targets, f -> !f.isOneX());
  }

  /** The targets of {@code line}. */
  static List<ContainerdVersion> on(List<ContainerdVersion> targets, ReleaseLine line) {
    return where(targets, f -> f.line() == line);
  }

  /** {@code "1.6 and 1.7"}, {@code "2.x"}. */
  static String label(List<ContainerdVersion> families) {
    List<String> names = families.stream().map(ContainerdVersion::findingLabel).toList();
    if (names.size() == 1) {
      return names.get(0);
    }
    return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", "))
        + " and "
        + names.get(names.size() - 1);
  }
}
