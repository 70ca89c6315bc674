package dev.pullproof.harness.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cross-checks a parsed scenario: every registry a placeholder or request pattern names is defined,
 * and every version family refined in {@code containerd} or {@code expect} is one the scenario runs
 * on. Problems point at the table that holds the reference.
 */
final class References {
  private final TableReader root;
  private final Set<String> registries;
  private final List<VersionFamily> versions;

  References(TableReader root, Set<String> registries, List<VersionFamily> versions) {
    this.root = root;
    this.registries = registries;
    this.versions = versions;
  }

  void check(ContainerdSetup containerd, List<PullSpec> pulls, Expectations expect) {
    List<ContainerdFile> files = new ArrayList<>(containerd.common());
    containerd.byVersion().values().forEach(files::addAll);
    for (ContainerdFile file : files) {
      placeholders("containerd", file.path());
      placeholders("containerd", file.text());
    }
    containerd.byVersion().keySet().forEach(f -> runs(f, "containerd"));
    for (int i = 0; i < pulls.size(); i++) {
      placeholders("pull", pulls.get(i).image());
      patterns("pull", pulls.get(i).expect());
    }
    patterns("expect", expect.all());
    expect
        .byVersion()
        .forEach(
            (family, set) -> {
              runs(family, "expect");
              patterns("expect", set);
            });
    expect.all().errorContains().keySet().stream()
        .filter(f -> expect.all().errorContains().size() < VersionFamily.values().length)
        .forEach(f -> runs(f, "expect"));
  }

  private void runs(VersionFamily family, String key) {
    if (!versions.contains(family)) {
      root.problem(
          key,
          "refines version "
              + family
              + ", which this scenario does not run on (versions = "
              + versions
              + ")");
    }
  }

  private void placeholders(String key, String text) {
    try {
      for (Template.Reference ref : Template.references(text)) {
        if (!registries.contains(ref.registry())) {
          root.problem(
              key, undefined(ref.registry(), "{{" + ref.registry() + "." + ref.attribute() + "}}"));
        } else if (!Template.ATTRIBUTES.contains(ref.attribute())) {
          root.problem(
              key,
              "unknown placeholder attribute '"
                  + ref.attribute()
                  + "'; known: "
                  + Template.ATTRIBUTES
                  + Suggestions.didYouMean(ref.attribute(), Template.ATTRIBUTES));
        }
      }
    } catch (IllegalArgumentException e) {
      root.problem(key, e.getMessage());
    }
  }

  private void patterns(String key, ExpectationSet set) {
    List<HostPattern> all = new ArrayList<>(set.ordered());
    set.requests().forEach(r -> all.add(r.pattern()));
    for (HostPattern p : all) {
      if (!p.anyRegistry() && !registries.contains(p.registry())) {
        root.problem(key, undefined(p.registry(), "'" + p + "'"));
      }
    }
  }

  private String undefined(String name, String where) {
    return where
        + " names undefined registry '"
        + name
        + "'; defined: "
        + registries
        + Suggestions.didYouMean(name, registries);
  }
}
