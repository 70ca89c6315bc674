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
 * A blob upload in progress: chunks append to a staging file while a running hash is kept in the
 * algorithm the session was opened with ({@code ?digest-algorithm=}, sha256 by default), so
 * finishing never re-reads the data; a final digest in another algorithm re-hashes the file once.
 * One session serves one client; calls are serialised.
 */
public final class UploadSession {
  private final String id;
  private final RepositoryName repository;
  private final Path staging;
  private final MessageDigest sha;
  private final String algorithm;
  private long size;

  UploadSession(String id, RepositoryName repository, Path staging, String algorithm) {
    this.sha = Digest.newMessageDigest(algorithm);
    this.algorithm = algorithm;
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

  /** The digest in {@code algorithm} of everything appended so far (the session stays usable). */
  public synchronized Digest digestSoFar(String algorithm) throws IOException {
    if (algorithm.equals(this.algorithm)) {
      return Digest.of(cloneOf(sha));
    }
    MessageDigest other = Digest.newMessageDigest(algorithm);
    try (InputStream in = Files.newInputStream(staging)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        other.update(buffer, 0, n);
      }
    }
    return Digest.of(other);
  }

  private static MessageDigest cloneOf(MessageDigest md) {
    try {
      return (MessageDigest) md.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(md.getAlgorithm() + " cannot be cloned", e);
    }
  }

  Path staging() {
    return staging;
  }
}
