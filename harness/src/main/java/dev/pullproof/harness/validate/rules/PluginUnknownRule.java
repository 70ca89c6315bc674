package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.ConfigFile;
import dev.pullproof.harness.validate.model.Located;
import dev.pullproof.harness.validate.model.NodeContext;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.Layout;
import dev.pullproof.harness.version.PluginId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code config-plugin-unknown}: registry settings under a plugin id no containerd plugin has (e.g.
 * {@code io.containerd.internal.v1.cri}). A plugin reads only the section of its exact id ({@code
 * Config.Decode}: {@code data, ok := c.Plugins[id]; if !ok { return config, nil }} in
 * cmd/containerd/server/config/config.go of 2.1.9, services/server/config/config.go of 1.6/1.7), so
 * nothing ever reads this one and nothing is logged. Measured with {@code
 * [plugins."io.containerd.internal.v1.cri".registry] config_path = "/etc/containerd/certs.d"} in a
 * version 2 file: 1.6.20, 1.7.24 and 2.1.9 loaded CRI, logged nothing about the section and pulled
 * from registry-1.docker.io. Ids 1.x reads differently (short ids in a version 1 file, malformed
 * ids, the other line's CRI ids) are {@link PluginSectionRule}'s.
 */
public final class PluginUnknownRule implements Rule {
  public static final String ID = "config-plugin-unknown";

  @Override
  public List<Finding> check(NodeContext node) {
    ConfigFile config = node.config();
    List<Finding> out = new ArrayList<>();
    for (ConfigFile.Section section : config.plugins()) {
      if (known(section.id()) || section.table().table("registry").isEmpty()) {
        continue;
      }
      List<ContainerdVersion> ignored = new ArrayList<>();
      for (ContainerdVersion family : node.targets()) {
        Layout layout = config.layout(family);
        boolean fullIds =
            layout == Layout.V3
                || layout == Layout.V2_MIGRATED
                || (layout == Layout.V2 && PluginSectionRule.validUri(family, section.id()));
        if (fullIds) {
          ignored.add(family);
        }
      }
      if (ignored.isEmpty()) {
        continue;
      }
      Located registry = section.table().table("registry").get();
      out.add(
          new Finding(
              ID,
              Severity.ERROR,
              config.doc().path(),
              section.table().line(),
              section.table().key(),
              ignored,
              "no containerd "
                  + Families.label(ignored)
                  + " plugin has the id '"
                  + section.id()
                  + "': a plugin reads only the section of its exact id, so "
                  + registry.key()
                  + " (config_path, mirrors, configs) is never used, and nothing is logged.",
              "Put the registry settings under plugins.\""
                  + PluginId.GRPC_CRI.id()
                  + "\".registry (version 2, 1.6/1.7) or plugins.\""
                  + PluginId.CRI_IMAGES.id()
                  + "\".registry (version 3, 2.x)."));
    }
    return out;
  }

  private static boolean known(String id) {
    return Arrays.stream(PluginId.values()).anyMatch(p -> p.id().equals(id));
  }
}
