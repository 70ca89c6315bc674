package dev.pullproof.harness.version;

import java.util.List;

/**
 * The plugin ids a config.toml names CRI settings under: 1.x keeps all of them in {@code
 * io.containerd.grpc.v1.cri}; 2.x splits them into {@code io.containerd.cri.v1.images}, {@code
 * io.containerd.cri.v1.runtime} and what remains of the gRPC server in {@code
 * io.containerd.grpc.v1.cri}; a version 1 file names the CRI plugin by its short id {@code cri}.
 *
 * @see <a href="https://github.com/containerd/containerd/blob/main/docs/cri/config.md">CRI
 *     config</a>
 * @see <a href="https://github.com/containerd/containerd/blob/main/docs/PLUGINS.md">plugin ids</a>
 */
public enum PluginId {
  /** 1.x's CRI plugin (all CRI settings); in 2.x only the CRI gRPC server settings. */
  GRPC_CRI("io.containerd.grpc.v1.cri"),
  /** 2.x's image service: registry and image settings. */
  CRI_IMAGES("io.containerd.cri.v1.images"),
  /** 2.x's runtime service: containerd, cni and runtime settings. */
  CRI_RUNTIME("io.containerd.cri.v1.runtime"),
  /** The short id of the CRI plugin in a version 1 file. */
  SHORT_CRI("cri");

  private final String id;

  PluginId(String id) {
    this.id = id;
  }

  /**
   * The plugins some line reads {@code registry} settings from, in the order a reader should try
   * them: 1.x's (also a version 2 file on 2.x), 2.x's, and a version 1 file's short id.
   */
  public static List<PluginId> registryHolders() {
    return List.of(GRPC_CRI, CRI_IMAGES, SHORT_CRI);
  }

  /** The id as config.toml writes it under {@code plugins}. */
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
