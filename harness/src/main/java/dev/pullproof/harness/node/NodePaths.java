package dev.pullproof.harness.node;

import dev.pullproof.harness.containerd.ContainerdContainer;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * Where a node's config.toml puts containerd's socket ({@code [grpc] address}) and its content root
 * ({@code root}): k3s and rke2 move both ({@code /run/k3s/containerd/containerd.sock}, {@code
 * /var/lib/rancher/k3s/agent/containerd}). The node must expose that socket to the CRI client and
 * keep that root on a tmpfs, as it does the defaults (cmd/containerd/server/config defaults, 1.7.24
 * and 2.1.9).
 *
 * @param socket absolute path of the socket in the node
 * @param root absolute path of the content root in the node
 */
record NodePaths(String socket, String root) {
  static final NodePaths DEFAULT =
      new NodePaths(ContainerdContainer.SOCKET, ContainerdContainer.ROOT);

  NodePaths {
    if (socket == null || !socket.startsWith("/") || socket.endsWith("/")) {
      throw new IllegalArgumentException("socket: an absolute file path, got " + socket);
    }
    if (root == null || !root.startsWith("/")) {
      throw new IllegalArgumentException("root: an absolute path, got " + root);
    }
  }

  /** The paths {@code configToml} sets; a file that does not parse keeps the defaults. */
  static NodePaths of(Optional<String> configToml) {
    if (configToml.isEmpty()) {
      return DEFAULT;
    }
    TomlParseResult toml = Toml.parse(configToml.get());
    if (toml.hasErrors()) {
      return DEFAULT;
    }
    String socket =
        toml.isString("grpc.address") ? toml.getString("grpc.address") : DEFAULT.socket();
    String root = toml.isString("root") ? toml.getString("root") : DEFAULT.root();
    boolean usable = socket.startsWith("/") && !socket.endsWith("/") && root.startsWith("/");
    return usable ? new NodePaths(socket, root) : DEFAULT;
  }
}
