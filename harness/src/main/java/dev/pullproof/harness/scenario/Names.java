package dev.pullproof.harness.scenario;

import dev.pullproof.harness.text.Suggestions;
import dev.pullproof.harness.toml.TomlReader;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.List;
import java.util.Set;

/**
 * What the rest of a file may refer to, known once {@code versions} and {@code registries} are
 * read: checks placeholders, request patterns and per-version tables where they are written, so
 * each problem carries its own line and key.
 */
final class Names {
  private final Set<String> registries;
  private final List<ContainerdVersion> versions;
  private final boolean tls;
  private final Set<String> executables;

  /**
   * @param tls whether some registry serves TLS, so the world has a CA
   * @param executables the programs {@code [node.executables]} places on the node's PATH
   */
  Names(
      Set<String> registries,
      List<ContainerdVersion> versions,
      boolean tls,
      Set<String> executables) {
    this.registries = registries;
    this.versions = versions;
    this.tls = tls;
    this.executables = executables;
  }

  /** An invocation expectation must name a program the scenario places on the node. */
  void executable(TomlReader table, String key, String program) {
    if (!executables.contains(program)) {
      table.problem(
          key,
          "'"
              + program
              + "' is not placed on the node; [node.executables] defines: "
              + executables
              + Suggestions.didYouMean(program, executables));
    }
  }

  /** Placeholders in {@code text}, written at {@code key} of {@code table}. */
  void placeholders(TomlReader table, String key, String text) {
    try {
      for (Template.Reference ref : Template.references(text)) {
        if (ref.registry().equals(Template.TLS)) {
          tlsPlaceholder(table, key, ref);
        } else if (!registries.contains(ref.registry())) {
          table.problem(
              key, undefined(ref.registry(), "{{" + ref.registry() + "." + ref.attribute() + "}}"));
        } else if (!Template.ATTRIBUTES.contains(ref.attribute())) {
          table.problem(
              key,
              "unknown placeholder attribute '"
                  + ref.attribute()
                  + "'; known: "
                  + Template.ATTRIBUTES
                  + Suggestions.didYouMean(ref.attribute(), Template.ATTRIBUTES));
        }
      }
    } catch (IllegalArgumentException e) {
      table.problem(key, e.getMessage());
    }
  }

  private void tlsPlaceholder(TomlReader table, String key, Template.Reference ref) {
    if (!Template.TLS_ATTRIBUTES.contains(ref.attribute())) {
      table.problem(
          key,
          "unknown placeholder {{tls."
              + ref.attribute()
              + "}}; known: "
              + Template.TLS_ATTRIBUTES
              + Suggestions.didYouMean(ref.attribute(), Template.TLS_ATTRIBUTES));
    } else if (!tls) {
      table.problem(
          key,
          "{{tls."
              + ref.attribute()
              + "}} needs a registry with tls: no registry of this world serves TLS");
    }
  }

  /** A request pattern's registry must be defined (or {@code *}). */
  void registry(TomlReader table, TomlReader.Item item, HostPattern pattern) {
    if (!pattern.anyRegistry() && !registries.contains(pattern.registry())) {
      table.problemAt(item, undefined(pattern.registry(), "'" + pattern + "'"));
    }
  }

  void registry(TomlReader table, String key, HostPattern pattern) {
    if (!pattern.anyRegistry() && !registries.contains(pattern.registry())) {
      table.problem(key, undefined(pattern.registry(), "'" + pattern + "'"));
    }
  }

  /** A per-version refinement must be for a version the scenario runs on. */
  void runsOn(TomlReader table, String key, ContainerdVersion family) {
    if (!versions.contains(family) && !versions.contains(family.family())) {
      table.problem(
          key,
          "refines version "
              + family
              + ", which this scenario does not run on (versions = "
              + versions
              + ")");
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
