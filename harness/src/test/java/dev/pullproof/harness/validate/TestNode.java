package dev.pullproof.harness.validate;

import static dev.pullproof.harness.version.ContainerdVersion.V1_6;
import static dev.pullproof.harness.version.ContainerdVersion.V1_7;
import static dev.pullproof.harness.version.ContainerdVersion.V2;

import dev.pullproof.harness.version.ContainerdVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A node's files written into a temporary directory: config.toml and certs.d/<host>/... */
final class TestNode {
  static final List<ContainerdVersion> ALL = List.of(V1_6, V1_7, V2);

  private final Path root;
  private boolean hostsDir;

  TestNode(Path root) {
    this.root = root;
  }

  Path config() {
    return root.resolve("config.toml");
  }

  Path certs() {
    return root.resolve("certs.d");
  }

  TestNode config(String text) {
    return write(config(), text);
  }

  /** certs.d/{dir}/hosts.toml */
  TestNode hosts(String dir, String text) {
    hostsDir = true;
    return write(certs().resolve(dir).resolve("hosts.toml"), text);
  }

  /** Any file under certs.d. */
  TestNode certsFile(String relative, String text) {
    hostsDir = true;
    return write(certs().resolve(relative), text);
  }

  TestNode emptyDir(String dir) {
    hostsDir = true;
    try {
      Files.createDirectories(certs().resolve(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Path hostsFile(String dir) {
    return certs().resolve(dir).resolve("hosts.toml");
  }

  List<Finding> check(List<String> images, List<ContainerdVersion> targets) {
    if (!Files.exists(config())) {
      config("version = 2\n");
    }
    return new StaticChecks()
        .check(
            new NodeFiles(config(), hostsDir ? Optional.of(certs()) : Optional.empty()),
            images,
            targets);
  }

  List<Finding> check(String rule, List<String> images, List<ContainerdVersion> targets) {
    return check(images, targets).stream().filter(f -> f.rule().equals(rule)).toList();
  }

  List<Finding> check(String rule) {
    return check(rule, List.of(), ALL);
  }

  private TestNode write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
