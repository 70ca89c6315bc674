package dev.pullproof.harness.version;

/**
 * The shape in which a containerd line reads a config.toml, given the file's {@code version} line
 * ({@link ContainerdVersion#layout}; learnt from each release's config loader):
 *
 * <ul>
 *   <li>1.6 and 1.7 read a file without a version (or {@code version = 1}) as version 1: plugin
 *       sections are looked up by short id ({@code plugins.cri}), so every {@code
 *       plugins."io.containerd..."} section is ignored.
 *   <li>1.6 reads any other version like version 2 (it does not check the number); 1.7 refuses to
 *       start on a version above 2.
 *   <li>2.x migrates a version 2 file in memory (the CRI plugin's settings move to {@code
 *       io.containerd.cri.v1.images} and {@code .runtime}); a file without a version is renamed to
 *       full plugin ids and then read as version 3, without that move; above 3 it refuses to start.
 * </ul>
 *
 * @see <a href="https://github.com/containerd/containerd/blob/main/docs/cri/config.md">CRI
 *     config</a>
 */
public enum Layout {
  /** Version 1 on 1.x: short plugin ids. */
  V1_SHORT_IDS,
  /** Version 2 as 1.x reads it: CRI settings under {@code io.containerd.grpc.v1.cri}. */
  V2,
  /** Version 2 on 2.x: the CRI section is migrated to the 2.x plugins in memory. */
  V2_MIGRATED,
  /** Version 3 (2.x): images, runtime and server settings in three plugins. */
  V3,
  /** containerd refuses to start with this version line. */
  REFUSED
}
