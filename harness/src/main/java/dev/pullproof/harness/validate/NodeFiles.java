package dev.pullproof.harness.validate;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The node's own files, as the user copied them: {@code config.toml} and, when given, the directory
 * its {@code config_path} names ({@code certs.d}). They are only read, never written.
 */
public record NodeFiles(Path config, Optional<Path> hostsDir) {
  public NodeFiles {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(hostsDir, "hostsDir (use Optional.empty())");
  }
}
