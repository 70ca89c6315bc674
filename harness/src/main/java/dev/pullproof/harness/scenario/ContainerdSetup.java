package dev.pullproof.harness.scenario;

import dev.pullproof.harness.version.ContainerdVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files containerd starts with: one set for every version, plus per-family files that add to it
 * or replace a file of the same path (a 2.x {@code config.toml} in version 3 shape, say).
 */
public record ContainerdSetup(
    List<ContainerdFile> common, Map<ContainerdVersion, List<ContainerdFile>> byVersion) {

  public static final ContainerdSetup EMPTY = new ContainerdSetup(List.of(), Map.of());

  public ContainerdSetup {
    common = List.copyOf(common);
    TreeMap<ContainerdVersion, List<ContainerdFile>> copy = new TreeMap<>();
    byVersion.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    byVersion = java.util.Collections.unmodifiableMap(copy);
  }

  /** The files for one family, per-family ones replacing common ones of the same path. */
  public List<ContainerdFile> filesFor(ContainerdVersion family) {
    Map<String, ContainerdFile> files = new LinkedHashMap<>();
    common.forEach(f -> files.put(f.path(), f));
    family.entryIn(byVersion).orElse(List.of()).forEach(f -> files.put(f.path(), f));
    return List.copyOf(files.values());
  }
}
