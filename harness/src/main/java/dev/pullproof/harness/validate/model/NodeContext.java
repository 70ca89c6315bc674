package dev.pullproof.harness.validate.model;

import dev.pullproof.harness.version.ContainerdVersion;
import java.util.List;
import java.util.Optional;

/**
 * Everything a rule looks at, parsed once: the config.toml, the hosts dir (when given), the images
 * the node must pull and the containerd families to judge for.
 */
public record NodeContext(
    ConfigFile config,
    Optional<HostsTree> hosts,
    List<ImageRef> images,
    List<ContainerdVersion> targets) {

  public NodeContext {
    images = List.copyOf(images);
    targets = targets.stream().sorted().distinct().toList();
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("targets: name at least one containerd family");
    }
  }

  /** The hosts.toml files that exist, with their directories. */
  public List<HostDir> hostsFiles() {
    return hosts
        .map(h -> h.dirs().stream().filter(d -> d.hostsToml().isPresent()).toList())
        .orElse(List.of());
  }
}
