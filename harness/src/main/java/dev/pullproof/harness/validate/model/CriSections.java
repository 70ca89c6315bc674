package dev.pullproof.harness.validate.model;

import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.Layout;
import dev.pullproof.harness.version.PluginId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The CRI plugin sections of a config.toml one family actually reads, each with its shape. */
public final class CriSections {
  /** A section that is read, and the keys the family knows there. */
  public record Read(PluginId pluginId, Located table, Schema schema) {}

  private CriSections() {}

  public static List<Read> read(ConfigFile config, ContainerdVersion family) {
    Layout layout = config.layout(family);
    List<Read> out = new ArrayList<>();
    switch (layout) {
      case V1_SHORT_IDS:
        add(out, config, PluginId.SHORT_CRI, KeyCatalog.criSection(family, layout));
        break;
      case V2:
        add(out, config, PluginId.GRPC_CRI, KeyCatalog.criSection(family, layout));
        break;
      case V2_MIGRATED:
        add(out, config, PluginId.GRPC_CRI, KeyCatalog.criSection(family, layout));
        add(out, config, PluginId.CRI_IMAGES, KeyCatalog.images(family.line()));
        add(out, config, PluginId.CRI_RUNTIME, KeyCatalog.runtimePlugin(family.line()));
        break;
      case V3:
        add(out, config, PluginId.CRI_IMAGES, KeyCatalog.images(family.line()));
        add(out, config, PluginId.CRI_RUNTIME, KeyCatalog.runtimePlugin(family.line()));
        add(out, config, PluginId.GRPC_CRI, KeyCatalog.SERVER_2);
        if (config.version() < 2) {
          // 2.x renames a version 1 file's short id before reading it as version 3.
          add(out, config, PluginId.SHORT_CRI, KeyCatalog.SERVER_2);
        }
        break;
      default:
        break;
    }
    return out;
  }

  /**
   * Where a key of the 2.x {@code io.containerd.grpc.v1.cri} section belongs in a version 3 file:
   * the images or runtime plugin, or nowhere (empty) when it is a server key or unknown.
   */
  public static Optional<String> movedInV3(String key) {
    if (key.equals("sandbox_image")) {
      return Optional.of(PluginId.CRI_IMAGES.id() + " (as pinned_images.sandbox)");
    }
    if (KeyCatalog.SERVER_2.knows(key)) {
      return Optional.empty();
    }
    if (KeyCatalog.IMAGES_2.knows(key)) {
      return Optional.of(PluginId.CRI_IMAGES.id());
    }
    if (KeyCatalog.RUNTIME_PLUGIN_2.knows(key)) {
      return Optional.of(PluginId.CRI_RUNTIME.id());
    }
    return Optional.empty();
  }

  private static void add(List<Read> out, ConfigFile config, PluginId id, Schema schema) {
    config.plugin(id).ifPresent(t -> out.add(new Read(id, t, schema)));
  }
}
