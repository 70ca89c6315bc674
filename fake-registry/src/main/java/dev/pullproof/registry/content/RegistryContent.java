package dev.pullproof.registry.content;

import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.RepositoryName;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything a registry holds: repositories, the shared blob store and uploads in progress. Thread
 * safe; the HTTP handlers and the seeding API (images built in code, OCI layouts) both write here.
 */
public final class RegistryContent implements AutoCloseable {
  private final BlobStore blobs;
  private final Map<RepositoryName, Repository> repositories = new ConcurrentHashMap<>();
  private final Map<String, UploadSession> uploads = new ConcurrentHashMap<>();

  public RegistryContent(BlobStore blobs) {
    this.blobs = blobs;
  }

  public BlobStore blobs() {
    return blobs;
  }

  /** The repository, created on first use. */
  public Repository repository(RepositoryName name) {
    return repositories.computeIfAbsent(name, Repository::new);
  }

  /** The repository if it holds anything. */
  public Optional<Repository> existing(RepositoryName name) {
    return Optional.ofNullable(repositories.get(name));
  }

  public List<RepositoryName> repositoryNames() {
    return new TreeSet<>(repositories.keySet()).stream().toList();
  }

  /** Stores a manifest after checking that everything it references is present. */
  public StoredManifest putManifest(RepositoryName name, StoredManifest manifest) {
    return putManifest(name, manifest, false);
  }

  /**
   * Stores a manifest after checking that what it references is present.
   *
   * @param lenient accept absent non-distributable layers and absent index children, as registries
   *     configured for foreign layers and sparse indexes do; config and regular layers must be
   *     present either way
   */
  public StoredManifest putManifest(RepositoryName name, StoredManifest manifest, boolean lenient) {
    Repository repo = repository(name);
    for (Digest blob : manifest.blobs()) {
      boolean present = repo.hasBlob(blob) && blobs.contains(blob);
      if (!present && !(lenient && manifest.nonDistributable().contains(blob))) {
        throw ErrorCode.MANIFEST_BLOB_UNKNOWN.exception("blob " + blob + " is not in " + name);
      }
    }
    if (!lenient) {
      for (StoredManifest.Child child : manifest.children()) {
        if (repo.manifest(child.digest()).isEmpty()) {
          throw ErrorCode.MANIFEST_BLOB_UNKNOWN.exception(
              "manifest " + child.digest() + " is not in " + name);
        }
      }
    }
    repo.putManifest(manifest);
    return manifest;
  }

  public UploadSession startUpload(RepositoryName name) {
    return startUpload(name, "sha256");
  }

  /** Opens an upload hashed as it arrives with {@code algorithm} (sha256 or sha512). */
  public UploadSession startUpload(RepositoryName name, String algorithm) {
    String id = UUID.randomUUID().toString();
    UploadSession session = new UploadSession(id, name, blobs.newIncomingFile(), algorithm);
    uploads.put(id, session);
    return session;
  }

  public UploadSession upload(RepositoryName name, String id) {
    UploadSession session = uploads.get(id);
    if (session == null || !session.repository().equals(name)) {
      throw ErrorCode.BLOB_UPLOAD_UNKNOWN.exception("no upload " + id + " in " + name);
    }
    return session;
  }

  /** Completes an upload whose content must hash to {@code expected}, in its algorithm. */
  public Digest finishUpload(UploadSession session, Digest expected) throws IOException {
    Digest actual = session.digestSoFar(expected.algorithm());
    if (!actual.equals(expected)) {
      cancelUpload(session);
      throw ErrorCode.DIGEST_INVALID.exception(
          "content hashes to " + actual + ", the client said " + expected);
    }
    uploads.remove(session.id());
    blobs.adopt(session.staging(), actual);
    repository(session.repository()).linkBlob(actual);
    return actual;
  }

  public void cancelUpload(UploadSession session) {
    uploads.remove(session.id());
    try {
      Files.deleteIfExists(session.staging());
    } catch (IOException e) {
      // The staging file lives in the store's directory, removed on close anyway.
    }
  }

  @Override
  public void close() {
    blobs.close();
  }
}
