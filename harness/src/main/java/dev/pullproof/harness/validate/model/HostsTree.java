package dev.pullproof.harness.validate.model;

import dev.pullproof.harness.toml.TomlFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The hosts dir as given ({@code certs.d}): one {@link HostDir} per sub-directory. */
public record HostsTree(Path root, List<HostDir> dirs) {

  /** Reads {@code root}; a missing or unreadable root gives no directories. */
  public static HostsTree read(Path root) {
    List<HostDir> dirs = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> children = Files.list(root)) {
        for (Path dir : children.filter(Files::isDirectory).sorted().toList()) {
          Path file = dir.resolve("hosts.toml");
          Optional<TomlFile> doc =
              Files.isRegularFile(file) ? Optional.of(TomlFile.read(file)) : Optional.empty();
          dirs.add(new HostDir(dir.getFileName().toString(), dir, doc));
        }
      } catch (IOException e) {
        // An unreadable directory has nothing to check; the syntax rule reports files only.
      }
    }
    dirs.sort(Comparator.comparing(HostDir::name));
    return new HostsTree(root, List.copyOf(dirs));
  }

  /**
   * A {@code hosts.toml} directly in the root, if there is one. containerd never reads it: it looks
   * only in {@code <root>/<host>} and {@code <root>/_default} (hostPaths and HostDirFromRoot in
   * core/remotes/docker/config/hosts.go of 2.1.9, remotes/docker/config/hosts.go of 1.6/1.7).
   */
  public Optional<Path> rootFile() {
    Path file = root.resolve("hosts.toml");
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  public static HostsTree none() {
    return new HostsTree(Path.of(""), List.of());
  }
}
