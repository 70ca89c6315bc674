package dev.pullproof.registry.content;

import java.nio.file.Path;

/** An OCI image layout that cannot be imported; the message names the file, the fault and a fix. */
public final class InvalidOciLayoutException extends IllegalArgumentException {
  private final transient Path file;

  public InvalidOciLayoutException(Path file, String problem, String remedy) {
    super(file + ": " + problem + "; " + remedy);
    this.file = file;
  }

  /** The file or directory at fault. */
  public Path file() {
    return file;
  }
}
