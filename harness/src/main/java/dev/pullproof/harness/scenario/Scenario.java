package dev.pullproof.harness.scenario;

import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One scenario file, parsed and validated: a world of fake registries, the files containerd starts
 * with, the pulls to make ({@code repeat} times) and what should be seen.
 *
 * @param id the file's path below the catalogue root without {@code .toml}, e.g. {@code
 *     auth/token-no-creds}; sorts and shards the catalogue
 * @param timeout the bound on one (scenario, version) run, world start to teardown
 * @param doc what the failure catalogue says about it besides the observed outcome
 * @param removeImages before each repetition after the first, remove the node's images so every
 *     repetition downloads again, as a fresh node would
 * @param observe steps on the node after the pulls ({@code ctr} commands, RunPodSandbox)
 * @param executables programs placed on the node's PATH, whose every call is recorded
 */
public record Scenario(
    String id,
    Path file,
    String name,
    String summary,
    List<ContainerdVersion> versions,
    Map<String, RegistrySpec> registries,
    ContainerdSetup containerd,
    List<PullSpec> pulls,
    int repeat,
    Duration timeout,
    Expectations expect,
    ScenarioDoc doc,
    boolean removeImages,
    List<ObserveSpec> observe,
    List<NodeExecutable> executables) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  public Scenario {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("scenario id is required");
    }
    Objects.requireNonNull(file, "file");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("scenario name is required");
    }
    summary = summary == null ? "" : summary;
    versions = List.copyOf(versions);
    if (versions.isEmpty() || versions.size() != versions.stream().distinct().count()) {
      throw new IllegalArgumentException("versions must be non-empty and distinct: " + versions);
    }
    registries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(registries));
    Objects.requireNonNull(containerd, "containerd");
    pulls = List.copyOf(pulls);
    observe = List.copyOf(observe);
    executables = List.copyOf(executables);
    if (pulls.isEmpty() && observe.isEmpty()) {
      throw new IllegalArgumentException("a scenario needs at least one [[pull]] or [[observe]]");
    }
    if (executables.stream().map(NodeExecutable::name).distinct().count() != executables.size()) {
      throw new IllegalArgumentException("node.executables: each name once");
    }
    if (repeat < 1) {
      throw new IllegalArgumentException("repeat must be at least 1, got " + repeat);
    }
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    Objects.requireNonNull(expect, "expect");
    doc = doc == null ? ScenarioDoc.NONE : doc;
    if (removeImages && repeat < 2) {
      throw new IllegalArgumentException("remove_images needs repeat of 2 or more");
    }
  }
}
