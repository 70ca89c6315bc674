package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.ConfigFile;
import dev.pullproof.harness.validate.model.Located;
import dev.pullproof.harness.validate.model.NodeContext;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.Layout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code config-path-with-mirrors}: {@code config_path} and {@code mirrors} in the same registry
 * section. Where a family reads that section, its CRI plugin refuses to load ({@code `mirrors`
 * cannot be set when `config_path` is provided}; observed on 1.6, 1.7 and 2.x:
 * writeup/step1-config-v2-reproduce) and the kubelet sees no image service. Where the section is
 * not read (a file without a version line), the conflict is latent: adding the version line, the
 * obvious fix for that, turns it into the error. {@code config_path = ""} (what {@code containerd
 * config default} of 1.x writes) is not set: 1.6.20, 1.7.24 and 2.1.9 load CRI and apply the
 * mirrors (measured: each logs only {@code `mirrors` is deprecated}).
 */
public final class ConfigPathMirrorsRule implements Rule {
  public static final String ID = "config-path-with-mirrors";

  @Override
  public List<Finding> check(NodeContext node) {
    ConfigFile config = node.config();
    List<Finding> out = new ArrayList<>();
    for (Located registry : config.allRegistries()) {
      if (registry.setString("config_path").isEmpty() || !registry.hasNonEmpty("mirrors")) {
        continue;
      }
      List<ContainerdVersion> breaks = new ArrayList<>();
      List<ContainerdVersion> latent = new ArrayList<>();
      for (ContainerdVersion family : node.targets()) {
        Optional<Located> read = config.registryFor(family);
        if (read.isPresent() && read.get().key().equals(registry.key())) {
          breaks.add(family);
        } else if (config.layout(family) != Layout.REFUSED) {
          latent.add(family);
        }
      }
      String fix =
          "Remove the mirrors tables and describe each mirror in <config_path>/<registry>/hosts.toml"
              + " (server = upstream, [host.\"https://mirror\"] capabilities = [\"pull\","
              + " \"resolve\"]), or drop config_path and keep the deprecated mirrors.";
      int line = registry.lineOf("mirrors");
      if (!breaks.isEmpty()) {
        out.add(
            new Finding(
                ID,
                Severity.ERROR,
                config.doc().path(),
                line,
                registry.keyOf("mirrors"),
                breaks,
                "config_path and mirrors in the same registry section: containerd "
                    + Families.label(breaks)
                    + " refuses to load the CRI plugin (`mirrors` cannot be set when `config_path`"
                    + " is provided); containerd runs but the kubelet finds no image or runtime"
                    + " service, and every pod fails.",
                fix));
      }
      if (!latent.isEmpty()) {
        out.add(
            new Finding(
                ID,
                Severity.WARNING,
                config.doc().path(),
                line,
                registry.keyOf("mirrors"),
                latent,
                "config_path and mirrors in the same registry section, which containerd "
                    + Families.label(latent)
                    + " does not read with this file (see config-plugin-ignored). Once it does"
                    + " (version = 2, or the 2.x plugin name), the CRI plugin refuses to load.",
                fix));
      }
    }
    return out;
  }
}
