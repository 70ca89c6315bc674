package dev.pullproof.harness.validate.model;

import dev.pullproof.harness.toml.TomlFile;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One directory under the hosts dir ({@code certs.d/<name>}) and its hosts.toml, if it has one.
 * containerd looks a registry up as {@code host_port_}, then {@code host:port} (or {@code host}),
 * then {@code _default}.
 */
public record HostDir(String name, Path path, Optional<TomlFile> hostsToml) {

  /** Whether containerd uses this directory for registry {@code host} (e.g. {@code a.b:5000}). */
  public boolean serves(String host) {
    return name.equals("_default") || name.equals(host) || name.equals(underscored(host));
  }

  /** containerd's alternative spelling of {@code host:port}: {@code host_port_}. */
  public static String underscored(String host) {
    int colon = host.lastIndexOf(':');
    return colon > 0 ? host.substring(0, colon) + "_" + host.substring(colon + 1) + "_" : host;
  }
}
