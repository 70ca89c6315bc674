package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.validate.model.ConfigFile;
import dev.pullproof.harness.validate.model.Located;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.Layout;
import dev.pullproof.harness.version.PluginId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which path 2.x's CRI image service pulls through, predicted from config.toml: the transfer
 * service (its default) or the local image pull. {@code CheckLocalImagePullConfigs} in
 * internal/cri/config/config.go of 2.1.9 (commit 926009266892d80087b532f7f17ea14b43c4f23d), called
 * from plugins/cri/images/plugin.go unless {@code use_local_image_pull} is set, falls back to the
 * local pull at the first of its list that is present and logs {@code Found '<Name>' in CRI config
 * which is incompatible with transfer service (<reason>). Falling back to local image pull mode.}
 * Only the local pull splits a colon-separated {@code config_path} (see ConfigPathListRule).
 *
 * @param local whether the local image pull is used
 * @param table where the deciding setting is, or the images section (or nothing) for the default
 * @param key the deciding setting, empty for the default
 * @param goName the name 2.x logs for it (empty when nothing is logged)
 * @param reason why, in 2.1.9's words
 */
record PullPath(boolean local, Optional<Located> table, String key, String goName, String reason) {

  /** The text 2.x logs when it falls back to the local pull. */
  static final String FALLBACK_LOG = "Falling back to local image pull mode";

  private record Trigger(String key, String goName, Predicate<Located> present, String reason) {}

  // In 2.1.9's order; defaults from internal/cri/config/config_unix.go (DisableSnapshotAnnotations
  // true, MaxConcurrentDownloads 3), so only a value other than the default triggers.
  private static final List<Trigger> TRIGGERS =
      List.of(
          new Trigger(
              "disable_snapshot_annotations",
              "DisableSnapshotAnnotations",
              t -> Boolean.FALSE.equals(t.value("disable_snapshot_annotations").orElse(null)),
              "moved to snapshotter plugin when using transfer service"),
          new Trigger(
              "discard_unpacked_layers",
              "DiscardUnpackedLayers",
              t -> Boolean.TRUE.equals(t.value("discard_unpacked_layers").orElse(null)),
              "not supported with transfer service"),
          new Trigger(
              "registry.mirrors",
              "Registry.Mirrors",
              t -> registry(t, "mirrors"),
              "not supported with transfer service (also deprecated)"),
          new Trigger(
              "registry.configs",
              "Registry.Configs",
              t -> registry(t, "configs"),
              "not supported with transfer service (also deprecated)"),
          new Trigger(
              "registry.auths",
              "Registry.Auths",
              t -> registry(t, "auths"),
              "not supported with transfer service (also deprecated)"),
          new Trigger(
              "max_concurrent_downloads",
              "MaxConcurrentDownloads",
              t ->
                  t.value("max_concurrent_downloads")
                      .filter(v -> !Long.valueOf(3).equals(v))
                      .isPresent(),
              "must be configured in transfer service plugin:"
                  + " plugins.\"io.containerd.transfer.v1.local\""),
          new Trigger(
              "image_pull_with_sync_fs",
              "ImagePullWithSyncFs",
              t -> Boolean.TRUE.equals(t.value("image_pull_with_sync_fs").orElse(null)),
              "not supported with transfer service"));

  /** The prediction for 2.x; empty when the file is not read by 2.x at all. */
  static Optional<PullPath> of(ConfigFile config) {
    Layout layout = config.layout(ContainerdVersion.V2);
    if (layout != Layout.V3 && layout != Layout.V2_MIGRATED) {
      return Optional.empty();
    }
    List<Located> tables = new ArrayList<>();
    if (layout == Layout.V2_MIGRATED) {
      // A version 2 file's image settings sit in the 1.x plugin, discard_unpacked_layers and
      // disable_snapshot_annotations in its containerd table; migration moves them to the images
      // plugin (2.1.9 internal/cri/config migration, seen with 06-eks-al2023's config).
      config
          .plugin(PluginId.GRPC_CRI)
          .ifPresent(
              cri -> {
                tables.add(cri);
                cri.table("containerd").ifPresent(tables::add);
              });
    }
    config.plugin(PluginId.CRI_IMAGES).ifPresent(tables::add);
    for (Located t : tables) {
      if (Boolean.TRUE.equals(t.value("use_local_image_pull").orElse(null))) {
        return Optional.of(
            new PullPath(true, Optional.of(t), "use_local_image_pull", "", "set explicitly"));
      }
    }
    for (Trigger trigger : TRIGGERS) {
      for (Located t : tables) {
        if (trigger.present().test(t)) {
          boolean registry = trigger.key().startsWith("registry.");
          Optional<Located> where = registry ? t.table("registry") : Optional.of(t);
          String key = registry ? trigger.key().substring("registry.".length()) : trigger.key();
          return Optional.of(new PullPath(true, where, key, trigger.goName(), trigger.reason()));
        }
      }
    }
    return Optional.of(new PullPath(false, tables.stream().findFirst(), "", "", "the default"));
  }

  private static boolean registry(Located images, String name) {
    return images.table("registry").map(r -> r.hasNonEmpty(name)).orElse(false);
  }

  /** The line of the deciding setting, or of the section, or 0. */
  int line() {
    if (table.isEmpty()) {
      return 0;
    }
    return key.isEmpty() ? table.get().line() : table.get().lineOf(key);
  }

  String dottedKey() {
    return table.map(t -> key.isEmpty() ? t.key() : t.keyOf(key)).orElse("");
  }

  /** The line 2.x logs for this, as it prints it; empty when it logs none. */
  String logged() {
    return goName.isEmpty()
        ? ""
        : "Found '"
            + goName
            + "' in CRI config which is incompatible with transfer service ("
            + reason
            + "). "
            + FALLBACK_LOG
            + ".";
  }
}
