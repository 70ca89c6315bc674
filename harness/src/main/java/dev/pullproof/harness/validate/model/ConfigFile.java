package dev.pullproof.harness.validate.model;

import dev.pullproof.harness.toml.TomlFile;
import dev.pullproof.harness.toml.TomlKeys;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.Layout;
import dev.pullproof.harness.version.PluginId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The node's config.toml: its version line and where each family finds the CRI settings. */
public final class ConfigFile {
  private final TomlFile doc;

  public ConfigFile(TomlFile doc) {
    this.doc = doc;
  }

  public TomlFile doc() {
    return doc;
  }

  /** The parsed root, or empty when the file does not parse. */
  public Optional<Located> root() {
    return doc.root().map(t -> new Located(t, "", 1));
  }

  /** The {@code version} value; 0 when absent or not an integer. */
  public long version() {
    return doc.root()
        .map(t -> t.get(List.of("version")))
        .filter(Long.class::isInstance)
        .map(Long.class::cast)
        .orElse(0L);
  }

  public int versionLine() {
    return doc.root().map(t -> TomlKeys.line(t, "version", 0)).orElse(0);
  }

  public Layout layout(ContainerdVersion family) {
    return family.layout(version());
  }

  /** {@code plugins.<id>} as a table, if present. */
  public Optional<Located> plugin(PluginId id) {
    return root().flatMap(r -> r.table("plugins")).flatMap(p -> p.table(id.id()));
  }

  /** One {@code plugins.<id>} section. */
  public record Section(String id, Located table) {}

  /** Every {@code plugins.<id>} table, in file order. */
  public List<Section> plugins() {
    List<Section> out = new ArrayList<>();
    root()
        .flatMap(r -> r.table("plugins"))
        .ifPresent(
            p -> {
              for (String id : p.keys()) {
                p.table(id).ifPresent(t -> out.add(new Section(id, t)));
              }
            });
    out.sort(java.util.Comparator.comparingInt(s -> s.table().line()));
    return out;
  }

  /**
   * The registry table {@code family} reads, if the file has one where that family looks: {@code
   * plugins.cri.registry} (version 1 on 1.x), {@code plugins."io.containerd.grpc.v1.cri".registry}
   * (version 2; on 2.x migrated, and winning over the images plugin's), {@code
   * plugins."io.containerd.cri.v1.images".registry} (version 3).
   */
  public Optional<Located> registryFor(ContainerdVersion family) {
    switch (layout(family)) {
      case V1_SHORT_IDS:
        return plugin(PluginId.SHORT_CRI).flatMap(p -> p.table("registry"));
      case V2:
        return plugin(PluginId.GRPC_CRI).flatMap(p -> p.table("registry"));
      case V2_MIGRATED:
        Optional<Located> migrated = plugin(PluginId.GRPC_CRI).flatMap(p -> p.table("registry"));
        return migrated.isPresent()
            ? migrated
            : plugin(PluginId.CRI_IMAGES).flatMap(p -> p.table("registry"));
      case V3:
        return plugin(PluginId.CRI_IMAGES).flatMap(p -> p.table("registry"));
      default:
        return Optional.empty();
    }
  }

  /** Every {@code plugins.<id>.registry} table in the file, read or not. */
  public List<Located> allRegistries() {
    List<Located> out = new ArrayList<>();
    for (Section p : plugins()) {
      p.table().table("registry").ifPresent(out::add);
    }
    return out;
  }
}
