package dev.pullproof.harness.scenario;

/**
 * A file written under {@code /etc/containerd} in the container before containerd starts.
 *
 * @param path relative to /etc/containerd, e.g. {@code certs.d/docker.io/hosts.toml}; may hold
 *     {@link Template} placeholders
 * @param text the content; may hold placeholders, filled in when the world has started
 * @param origin where the text came from: {@link #INLINE} or the file it was read from (relative to
 *     the scenario file)
 */
public record ContainerdFile(String path, String text, String origin) {
  /** The origin of text written in the scenario itself. */
  public static final String INLINE = "inline";

  public ContainerdFile {
    if (path == null
        || path.isEmpty()
        || path.startsWith("/")
        || path.contains("\\")
        || java.util.Arrays.asList(path.split("/")).contains("..")) {
      throw new IllegalArgumentException(
          "file path must be relative to /etc/containerd without '..': " + path);
    }
    if (text == null) {
      throw new IllegalArgumentException("file text is required for " + path);
    }
  }
}
