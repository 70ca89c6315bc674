package dev.pullproof.registry.content;

import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.RepositoryName;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * A blob upload in progress: chunks append to a staging file while a running SHA-256 is kept, so
 * finishing never re-reads the data. One session serves one client; calls are serialised.
 */
public final class UploadSession {
  private final String id;
  private final RepositoryName repository;
  private final Path staging;
  private final MessageDigest sha = Digest.newSha256();
  private long size;

  UploadSession(String id, RepositoryName repository, Path staging) {
    this.id = id;
    this.repository = repository;
    this.staging = staging;
  }

  public String id() {
    return id;
  }

  public RepositoryName repository() {
    return repository;
  }

  public synchronized long size() {
    return size;
  }

  /** Appends a chunk; returns the new size. */
  public synchronized long append(InputStream chunk) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(staging, StandardOpenOption.APPEND)) {
      int n;
      while ((n = chunk.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        sha.update(buffer, 0, n);
        size += n;
      }
    }
    return size;
  }

  /** The digest of everything appended so far (the session stays usable). */
  public synchronized Digest digestSoFar() {
    try {
      return Digest.of((MessageDigest) sha.clone());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 cannot be cloned", e);
    }
  }

  Path staging() {
    return staging;
  }
}
