/**
 * The containerd release lines pullproof knows, in one place: each {@link
 * dev.pullproof.harness.version.ContainerdVersion} carries its label, the config version it reads,
 * the plugin its image settings live under, the name findings use for it and the {@link
 * dev.pullproof.harness.version.ReleaseSource} its binaries come from. Scenarios, the runner, the
 * containerd module and validate all read these facts here; a new kind of release (an exact
 * upstream release, a local build) is a new source and, where its facts differ, a new line.
 *
 * <p>This package depends on nothing else of the harness.
 *
 * @see <a href="https://github.com/containerd/containerd/blob/main/RELEASES.md">containerd
 *     releases</a>
 * @see <a href="https://github.com/containerd/containerd/blob/main/docs/cri/config.md">CRI
 *     config</a>
 */
package dev.pullproof.harness.version;
