package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.NodeContext;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.Layout;
import java.util.List;

/**
 * {@code hosts-dir-unused}: the hosts dir has hosts.toml files, but a family reads no {@code
 * config_path} from this config.toml (none is set where it looks, or that section is ignored), so
 * the CRI plugin never reads them; pulls use the defaults or the deprecated mirrors.
 */
public final class HostsDirUnusedRule implements Rule {
  public static final String ID = "hosts-dir-unused";

  @Override
  public List<Finding> check(NodeContext node) {
    if (node.hosts().isEmpty() || node.hostsFiles().isEmpty() || node.config().root().isEmpty()) {
      return List.of();
    }
    List<ContainerdVersion> unused =
        Families.where(
            node.targets(),
            f ->
                node.config().layout(f) != Layout.REFUSED
                    && node.config()
                        .registryFor(f)
                        .flatMap(r -> r.string("config_path"))
                        .filter(p -> !p.isBlank())
                        .isEmpty());
    if (unused.isEmpty()) {
      return List.of();
    }
    return List.of(
        new Finding(
            ID,
            Severity.WARNING,
            node.hosts().get().root(),
            0,
            "",
            unused,
            "containerd "
                + Families.label(unused)
                + " reads no config_path from this config.toml (none is set where it looks), so the"
                + " CRI plugin never reads the "
                + node.hostsFiles().size()
                + " hosts.toml file(s) here; only `ctr --hosts-dir` would.",
            "Set config_path to this directory's node path in the registry section the version"
                + " reads: plugins.\"io.containerd.grpc.v1.cri\".registry (version 2) or"
                + " plugins.\"io.containerd.cri.v1.images\".registry (version 3)."));
  }
}
