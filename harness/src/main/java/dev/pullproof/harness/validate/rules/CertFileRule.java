package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.HostDir;
import dev.pullproof.harness.validate.model.HostEntry;
import dev.pullproof.harness.validate.model.Located;
import dev.pullproof.harness.validate.model.NodeContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;

/**
 * {@code hosts-cert-file}: {@code ca} and {@code client} files that do not exist. containerd
 * resolves a relative path against the host's directory, and fails every pull from that host when a
 * file is missing ({@code unable to read CA cert}, {@code unable to read CERT file}).
 *
 * <p>Paths are node paths. This rule checks what it can see: a relative path inside the given hosts
 * dir, and an absolute one under a {@code config_path} the config.toml names (or {@code
 * /etc/containerd/certs.d}), mapped into the given hosts dir. Any other absolute path cannot be
 * checked from here and is reported as INFO (it is never looked up on this machine).
 */
public final class CertFileRule implements Rule {
  public static final String ID = "hosts-cert-file";
  public static final String UNCHECKED = "hosts-cert-file-unchecked";

  @Override
  public List<Finding> check(NodeContext node) {
    List<Finding> out = new ArrayList<>();
    if (node.hosts().isEmpty()) {
      return out;
    }
    Path hostsRoot = node.hosts().get().root();
    Set<String> nodeRoots = nodeRoots(node);
    for (HostEntryAt at : HostEntryAt.all(node)) {
      HostDir dir = at.dir();
      HostEntry entry = at.entry();
      for (String name : List.of("ca", "client")) {
        for (String p : paths(entry.table(), name)) {
          Optional<Path> local = local(p, dir, hostsRoot, nodeRoots);
          if (local.isEmpty()) {
            out.add(
                at.at(
                    name,
                    UNCHECKED,
                    Severity.INFO,
                    node.targets(),
                    name
                        + " file "
                        + p
                        + " is outside the node's config_path ("
                        + String.join(", ", nodeRoots)
                        + "): it cannot be checked from the files given.",
                    "Check on the node that it exists and is readable by containerd, or keep it"
                        + " next to hosts.toml and write a relative path."));
          } else if (!Files.isRegularFile(local.get())) {
            out.add(
                at.at(
                    name,
                    ID,
                    Severity.ERROR,
                    node.targets(),
                    name
                        + " file "
                        + p
                        + " does not exist (looked for "
                        + local.get()
                        + "): containerd fails every pull from "
                        + (entry.url().isEmpty() ? dir.name() : entry.url())
                        + " with 'unable to read "
                        + (name.equals("ca") ? "CA cert" : "CERT file")
                        + "'.",
                    "Put the file there, or fix the path (relative paths are relative to the"
                        + " hosts.toml's directory)."));
          }
        }
      }
    }
    return out;
  }

  /** The node directories the hosts dir stands for: each config_path entry, or the default. */
  private static Set<String> nodeRoots(NodeContext node) {
    Set<String> roots = new LinkedHashSet<>();
    for (Located registry : node.config().allRegistries()) {
      registry
          .string("config_path")
          .ifPresent(
              v -> {
                for (String part : v.split(":")) {
                  if (!part.isBlank()) {
                    roots.add(part.replaceAll("/+$", ""));
                  }
                }
              });
    }
    if (roots.isEmpty()) {
      roots.add("/etc/containerd/certs.d");
    }
    return roots;
  }

  private static Optional<Path> local(String p, HostDir dir, Path hostsRoot, Set<String> roots) {
    if (!p.startsWith("/")) {
      return Optional.of(dir.path().resolve(p).normalize());
    }
    for (String root : roots) {
      if (p.startsWith(root + "/")) {
        return Optional.of(hostsRoot.resolve(p.substring(root.length() + 1)).normalize());
      }
    }
    return Optional.empty();
  }

  /** The file names under {@code name}: a string, an array of strings, or of [cert, key] pairs. */
  private static List<String> paths(Located table, String name) {
    List<String> out = new ArrayList<>();
    collect(table.value(name).orElse(null), out);
    return out;
  }

  private static void collect(Object value, List<String> out) {
    if (value instanceof String s) {
      if (!s.isBlank()) {
        out.add(s);
      }
    } else if (value instanceof TomlArray a) {
      for (int i = 0; i < a.size(); i++) {
        collect(a.get(i), out);
      }
    }
  }
}
