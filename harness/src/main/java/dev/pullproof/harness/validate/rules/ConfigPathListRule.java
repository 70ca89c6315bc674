package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.ConfigFile;
import dev.pullproof.harness.validate.model.Located;
import dev.pullproof.harness.validate.model.NodeContext;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code config-path-list}: a colon-separated {@code config_path}. 1.6 and 1.7 split it and use the
 * first directory that has the registry. 2.1.9's CRI pull through the transfer service (its
 * default) takes the whole value as one directory, so no hosts.toml under it applies, without a
 * warning (observed: hosts/colon-config-path-reproduce); its local pull ({@link PullPath}: {@code
 * use_local_image_pull}, {@code discard_unpacked_layers = true} and the rest of 2.1.9's list)
 * splits it. 2.0 always pulls locally, so it splits the list like 1.x (2.0.11, run by hand with a
 * loopback mirror named in the second directory). Depends on the pull-path finding, which the live
 * check confirms or contradicts.
 */
public final class ConfigPathListRule implements Rule {
  public static final String ID = "config-path-list";

  @Override
  public List<Finding> check(NodeContext node) {
    ConfigFile config = node.config();
    List<ContainerdVersion> split = new ArrayList<>();
    List<ContainerdVersion> whole = new ArrayList<>();
    Located where = null;
    for (ContainerdVersion family : node.targets()) {
      Optional<Located> registry = config.registryFor(family);
      Optional<String> path = registry.flatMap(r -> r.string("config_path"));
      if (path.isEmpty() || !path.get().contains(":")) {
        continue;
      }
      where = registry.get();
      if (family.line().criPullsThroughTransfer()
          && !PullPath.of(config).map(PullPath::local).orElse(false)) {
        whole.add(family);
      } else {
        split.add(family);
      }
    }
    List<Finding> out = new ArrayList<>();
    if (where == null) {
      return out;
    }
    String value = where.string("config_path").orElse("");
    if (!whole.isEmpty()) {
      out.add(
          new Finding(
              ID,
              Severity.ERROR,
              config.doc().path(),
              where.lineOf("config_path"),
              where.keyOf("config_path"),
              whole,
              "config_path \""
                  + value
                  + "\" is a colon-separated list: the CRI pull of "
                  + Families.label(whole)
                  + " (transfer service) reads it as"
                  + " one directory that does not exist, so no hosts.toml under any of them is"
                  + " used, and nothing is logged (see pull-path).",
              "Use one directory for config_path on 2.x and put every registry's directory in it."));
    }
    if (!split.isEmpty()) {
      out.add(
          new Finding(
              ID,
              Severity.INFO,
              config.doc().path(),
              where.lineOf("config_path"),
              where.keyOf("config_path"),
              split,
              "config_path \""
                  + value
                  + "\" is a colon-separated list: containerd "
                  + Families.label(split)
                  + " looks for each registry in the directories in order and uses the first that"
                  + " has it (with _default counting as a match).",
              "Fine here; keep one directory if the same file will run on 2.x."));
    }
    return out;
  }
}
