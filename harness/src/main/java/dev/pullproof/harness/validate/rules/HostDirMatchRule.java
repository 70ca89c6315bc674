package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.text.Suggestions;
import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.HostDir;
import dev.pullproof.harness.validate.model.HostsTree;
import dev.pullproof.harness.validate.model.ImageRef;
import dev.pullproof.harness.validate.model.NodeContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code hosts-dir-unmatched}: a directory under the hosts dir that none of the images' registries
 * looks up. containerd looks for {@code <host:port>} (or {@code host_port_}), then {@code
 * _default}; {@code docker.io} images (also names without a registry) use {@code docker.io}, not
 * {@code registry-1.docker.io}. A directory named without the port does not apply (observed:
 * hosts/dir-without-port-reproduce). {@code hosts-dir-missing} (INFO): an image registry with no
 * directory and no {@code _default}, which containerd pulls with its defaults.
 */
public final class HostDirMatchRule implements Rule {
  public static final String ID = "hosts-dir-unmatched";
  public static final String MISSING = "hosts-dir-missing";

  @Override
  public List<Finding> check(NodeContext node) {
    if (node.hosts().isEmpty() || node.images().isEmpty()) {
      return List.of();
    }
    HostsTree tree = node.hosts().get();
    Set<String> hosts = new LinkedHashSet<>();
    node.images().stream().map(ImageRef::host).forEach(hosts::add);
    List<Finding> out = new ArrayList<>();
    for (HostDir dir : tree.dirs()) {
      if (hosts.stream().anyMatch(dir::serves)) {
        continue;
      }
      out.add(
          new Finding(
              ID,
              Severity.WARNING,
              dir.path(),
              0,
              "",
              node.targets(),
              "No image you named is looked up in "
                  + dir.name()
                  + "/ (images use "
                  + String.join(", ", hosts)
                  + "): containerd never reads this directory for them."
                  + hint(dir.name(), hosts).map(h -> " " + h).orElse(""),
              hint(dir.name(), hosts).isPresent()
                  ? "Rename the directory as suggested."
                  : "Name the directory exactly as the image's registry, port included"
                      + " (certs.d/registry.example:5000), or remove it."));
    }
    boolean hasDefault = tree.dirs().stream().anyMatch(d -> d.name().equals("_default"));
    for (String host : hosts) {
      if (hasDefault || tree.dirs().stream().anyMatch(d -> d.serves(host))) {
        continue;
      }
      String upstream =
          host.equals("docker.io") ? "https://registry-1.docker.io" : "https://" + host;
      out.add(
          new Finding(
              MISSING,
              Severity.INFO,
              tree.root(),
              0,
              "",
              node.targets(),
              "No directory for "
                  + host
                  + " under the hosts dir: containerd pulls its images from "
                  + upstream
                  + " with the system CAs and no mirror.",
              "Fine if that is intended; otherwise create " + host + "/hosts.toml."));
    }
    return out;
  }

  /** What the directory was probably meant to be. */
  static Optional<String> hint(String name, Set<String> hosts) {
    if (name.equals("https:") || name.equals("http:")) {
      return Optional.of(
          "The directory is named after a URL scheme (certs.d/"
              + name
              + "/...): write the registry host only, e.g. certs.d/"
              + hosts.iterator().next()
              + ".");
    }
    if (name.equals("registry-1.docker.io") || name.equals("index.docker.io")) {
      if (hosts.contains("docker.io")) {
        return Optional.of("Docker Hub images are looked up as docker.io: name it docker.io.");
      }
    }
    for (String host : hosts) {
      int colon = host.lastIndexOf(':');
      if (colon > 0 && host.substring(0, colon).equals(name)) {
        return Optional.of("The registry has a port: name it " + host + ".");
      }
    }
    String stripped = name.replaceFirst("^https?:?/*", "").replaceFirst("/+$", "");
    if (!stripped.equals(name) && hosts.contains(stripped)) {
      return Optional.of("Drop the scheme: name it " + stripped + ".");
    }
    return Suggestions.nearest(name, hosts).map(Suggestions::question);
  }
}
