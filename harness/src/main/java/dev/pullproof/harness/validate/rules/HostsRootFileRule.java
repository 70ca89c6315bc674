package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.HostsTree;
import dev.pullproof.harness.validate.model.NodeContext;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.Layout;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code hosts-file-at-root}: a hosts.toml directly in the hosts directory, not in a host
 * directory. containerd looks only in {@code <config_path>/<host>/hosts.toml} and {@code
 * <config_path>/_default/hosts.toml} ({@link HostsTree#rootFile()}), so the file is never read,
 * without a word. Measured: a root hosts.toml with only {@code server =
 * "https://mirror.corp.example"} next to {@code config_path = "/etc/containerd/certs.d"}; 1.6.20,
 * 1.7.24 and 2.1.9 each pulled docker.io/library/nginx from registry-1.docker.io and never
 * contacted the mirror.
 */
public final class HostsRootFileRule implements Rule {
  public static final String ID = "hosts-file-at-root";

  @Override
  public List<Finding> check(NodeContext node) {
    Optional<Path> file = node.hosts().flatMap(HostsTree::rootFile);
    if (file.isEmpty()) {
      return List.of();
    }
    List<ContainerdVersion> families =
        Families.where(node.targets(), f -> node.config().layout(f) != Layout.REFUSED);
    if (families.isEmpty()) {
      return List.of();
    }
    return List.of(
        new Finding(
            ID,
            Severity.WARNING,
            file.get(),
            0,
            "",
            families,
            "hosts.toml at the root of the hosts directory: containerd "
                + Families.label(families)
                + " looks only in <dir>/<registry>/hosts.toml and <dir>/_default/hosts.toml, so this"
                + " file is never read and none of its hosts is used.",
            "Move it into the directory of the registry it configures (e.g. docker.io/hosts.toml),"
                + " or into _default/hosts.toml to apply to every registry without its own."));
  }
}
