package dev.pullproof.harness.scenario;

import dev.pullproof.harness.version.ContainerdVersion;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A scenario's expectations: one set for all versions, refined per version family. */
public record Expectations(ExpectationSet all, Map<ContainerdVersion, ExpectationSet> byVersion) {
  public static final Expectations NONE = new Expectations(ExpectationSet.NONE, Map.of());

  public Expectations {
    Objects.requireNonNull(all, "all");
    TreeMap<ContainerdVersion, ExpectationSet> copy = new TreeMap<>();
    copy.putAll(byVersion);
    byVersion = java.util.Collections.unmodifiableMap(copy);
  }

  /** The set that applies on one version: the common one with the version's over it. */
  public ExpectationSet forVersion(ContainerdVersion family) {
    return all.merge(family.entryIn(byVersion).orElse(ExpectationSet.NONE));
  }

  public boolean isEmpty() {
    return all.isEmpty() && byVersion.values().stream().allMatch(ExpectationSet::isEmpty);
  }
}
