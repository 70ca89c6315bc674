package dev.pullproof.harness.version;

import java.util.Map;

/**
 * Where the binaries of a containerd release come from. A Debian package, an upstream release
 * archive, or binaries the user has; each other kind of origin is one more permitted record here.
 */
public sealed interface ReleaseSource permits DebianPackage, UpstreamArchive, LocalBinaries {
  /**
   * The facts that name this origin, e.g. {@code suite=bookworm}, in a stable order: the node
   * image's labels record them.
   */
  Map<String, String> provenance();
}
