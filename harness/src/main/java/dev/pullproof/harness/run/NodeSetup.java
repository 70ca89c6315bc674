package dev.pullproof.harness.run;

import dev.pullproof.harness.version.ContainerdVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a node starts with.
 *
 * @param files path below {@code /etc/containerd} to content, placeholders already filled in
 * @param extraHosts host name to loopback address, for the container's hosts file (impersonated
 *     registries)
 * @param runLabel identifies this run's containers, for cleanup
 * @param systemCa a CA certificate (PEM) the node trusts as a real node trusts a public CA: it is
 *     the container's system trust store, so a hosts.toml without {@code ca} reaches an
 *     impersonated TLS registry unmodified
 * @param logLevel containerd's {@code --log-level}
 * @param executables programs to place on the node's PATH, each call recorded
 */
public record NodeSetup(
    ContainerdVersion family,
    Map<String, String> files,
    Map<String, String> extraHosts,
    String runLabel,
    Optional<String> systemCa,
    LogLevel logLevel,
    java.util.List<dev.pullproof.harness.scenario.NodeExecutable> executables) {
  public NodeSetup {
    executables = java.util.List.copyOf(executables);
    Objects.requireNonNull(systemCa, "systemCa");
    Objects.requireNonNull(logLevel, "logLevel");
    Objects.requireNonNull(family, "family");
    files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    extraHosts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraHosts));
    if (runLabel == null || runLabel.isBlank()) {
      throw new IllegalArgumentException("runLabel is required");
    }
  }

  /** A node at containerd's default log level (info), without programs of the scenario's. */
  public NodeSetup(
      ContainerdVersion family,
      Map<String, String> files,
      Map<String, String> extraHosts,
      String runLabel,
      Optional<String> systemCa) {
    this(family, files, extraHosts, runLabel, systemCa, LogLevel.INFO, java.util.List.of());
  }

  /** A node that trusts no CA beyond those its image holds (none, for containerd's). */
  public NodeSetup(
      ContainerdVersion family,
      Map<String, String> files,
      Map<String, String> extraHosts,
      String runLabel) {
    this(family, files, extraHosts, runLabel, Optional.empty());
  }
}
