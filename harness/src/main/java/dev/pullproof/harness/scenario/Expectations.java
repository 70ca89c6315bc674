package dev.pullproof.harness.scenario;

import dev.pullproof.harness.version.VersionFamily;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** A scenario's expectations: one set for all versions, refined per version family. */
public record Expectations(ExpectationSet all, Map<VersionFamily, ExpectationSet> byVersion) {
  public static final Expectations NONE = new Expectations(ExpectationSet.NONE, Map.of());

  public Expectations {
    Objects.requireNonNull(all, "all");
    EnumMap<VersionFamily, ExpectationSet> copy = new EnumMap<>(VersionFamily.class);
    copy.putAll(byVersion);
    byVersion = java.util.Collections.unmodifiableMap(copy);
  }

  /** The set that applies on one version: the common one with the version's over it. */
  public ExpectationSet forVersion(VersionFamily family) {
    return all.merge(byVersion.getOrDefault(family, ExpectationSet.NONE));
  }

  public boolean isEmpty() {
    return all.isEmpty() && byVersion.values().stream().allMatch(ExpectationSet::isEmpty);
  }
}
