package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.version.VersionFamily;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Small helpers for the version lists findings carry. */
final class Families {
  private Families() {}

  static List<VersionFamily> where(List<VersionFamily> targets, Predicate<VersionFamily> test) {
    return targets.stream().filter(test).toList();
  }

  /** {@code "1.6 and 1.7"}, {@code "2.x"}. */
  static String label(List<VersionFamily> families) {
    List<String> names = families.stream().map(VersionFamily::findingLabel).toList();
    if (names.size() == 1) {
      return names.get(0);
    }
    return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", "))
        + " and "
        + names.get(names.size() - 1);
  }
}
