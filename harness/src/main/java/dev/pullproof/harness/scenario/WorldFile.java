package dev.pullproof.harness.scenario;

import dev.pullproof.harness.toml.Problems;
import dev.pullproof.harness.toml.TomlReader;
import java.nio.file.Path;
import java.util.Map;

/** A world shared by several scenarios ({@code world = "files/NAME.toml"}): registries only. */
final class WorldFile {
  private WorldFile() {}

  /**
   * Parses a shared world file: only {@code [registries.*]} tables. Its problems name the world
   * file and are reported on their own, since every scenario using it would repeat them.
   */
  static Map<String, RegistrySpec> parse(Path worldFile) {
    Problems problems = new Problems(worldFile);
    TomlReader root = ScenarioParser.root(problems);
    root.allowOnly("registries");
    if (!root.has("registries")) {
      problems.add(1, "registries", "a world file needs at least one [registries.NAME] table");
    }
    Map<String, RegistrySpec> registries =
        root.table("registries")
            .map(t -> new WorldParser(t, worldFile.toAbsolutePath().getParent()).registries())
            .orElse(Map.of());
    if (!registries.isEmpty()) {
      new WorldChecks(root, registries).check();
    }
    problems.throwIfAny(ScenarioException::new);
    return registries;
  }
}
