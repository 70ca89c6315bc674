package dev.pullproof.registry.content;

import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.temp.OwnedTemp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Content-addressed blob storage in a private directory. Blobs live on disk and are streamed, so a
 * large layer never sits whole on the heap; the directory is removed on close.
 */
public final class BlobStore implements AutoCloseable {
  private final Path root;

  public BlobStore(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root.resolve("sha256"));
      Files.createDirectories(root.resolve("sha512"));
      Files.createDirectories(root.resolve("incoming"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create blob directory " + root, e);
    }
  }

  /** Creates a store in a fresh temporary directory. */
  public static BlobStore temporary() {
    try {
      return new BlobStore(OwnedTemp.directory("pullproof-blobs"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary blob directory", e);
    }
  }

  public Digest put(byte[] content) {
    Digest digest = Digest.sha256(content);
    Path target = pathOf(digest);
    if (!Files.exists(target)) {
      try {
        Path tmp = Files.createTempFile(root.resolve("incoming"), "blob-", ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write blob " + digest, e);
      }
    }
    return digest;
  }

  /** Streams content into the store, hashing as it goes. */
  public Digest put(InputStream content) {
    try {
      Path tmp = newIncomingFile();
      MessageDigest sha = Digest.newSha256();
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
        content.transferTo(out);
      }
      return adopt(tmp, Digest.of(sha));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store streamed blob", e);
    }
  }

  /** A new empty file in the store's staging area, for writers that compute the digest. */
  public Path newIncomingFile() {
    try {
      return Files.createTempFile(root.resolve("incoming"), "blob-", ".tmp");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create staging file in " + root, e);
    }
  }

  /** Moves a staged file under its digest (the caller has verified the digest). */
  public Digest adopt(Path staged, Digest digest) {
    try {
      Files.move(staged, pathOf(digest), StandardCopyOption.REPLACE_EXISTING);
      return digest;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store blob " + digest, e);
    }
  }

  public boolean contains(Digest digest) {
    return Files.isRegularFile(pathOf(digest));
  }

  /** The file holding the blob, if stored. */
  public Optional<Path> find(Digest digest) {
    Path path = pathOf(digest);
    return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
  }

  public long size(Digest digest) {
    try {
      return Files.size(pathOf(digest));
    } catch (IOException e) {
      throw new UncheckedIOException("blob " + digest + " is not stored", e);
    }
  }

  public byte[] read(Digest digest) {
    try {
      return Files.readAllBytes(pathOf(digest));
    } catch (IOException e) {
      throw new UncheckedIOException("blob " + digest + " is not stored", e);
    }
  }

  private Path pathOf(Digest digest) {
    return root.resolve(digest.algorithm()).resolve(digest.hex());
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: a temp directory left behind is harmless and reported nowhere useful.
    }
  }
}
