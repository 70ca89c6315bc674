package dev.pullproof.registry.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * The files of one OCI image layout directory. Every malformed file becomes an {@link
 * InvalidOciLayoutException} naming it; blobs are streamed and checked against their file names.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-layout.md">OCI image
 *     layout</a>
 */
final class OciLayoutFiles {
  /** Manifests above this are refused, as distribution refuses them on push. */
  static final long MANIFEST_LIMIT = 4L << 20;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REEXPORT = "re-export the layout (skopeo, crane or ctr export)";

  private final Path root;

  OciLayoutFiles(Path root) {
    if (!Files.isDirectory(root)) {
      throw new InvalidOciLayoutException(
          root, "is not a directory", "pass the directory holding oci-layout and index.json");
    }
    this.root = root;
  }

  /** Checks the {@code oci-layout} marker file. */
  void checkLayoutVersion() {
    Path file = root.resolve("oci-layout");
    if (!Files.isRegularFile(file)) {
      throw new InvalidOciLayoutException(
          file,
          "missing, so this is no OCI image layout",
          "point at the layout's root, which holds oci-layout with"
              + " {\"imageLayoutVersion\":\"1.0.0\"}");
    }
    JsonNode version = readJson(file, read(file)).path("imageLayoutVersion");
    if (!version.isTextual() || !version.asText().startsWith("1.")) {
      throw new InvalidOciLayoutException(
          file,
          "imageLayoutVersion is " + version + ", not a 1.x version",
          "write {\"imageLayoutVersion\":\"1.0.0\"} or " + REEXPORT);
    }
  }

  Path indexFile() {
    return root.resolve("index.json");
  }

  /** The entries of {@code index.json}. */
  JsonNode indexEntries() {
    Path file = indexFile();
    if (!Files.isRegularFile(file)) {
      throw new InvalidOciLayoutException(
          file, "missing", "every OCI layout needs one; " + REEXPORT);
    }
    JsonNode index = readJson(file, read(file));
    if (index.path("schemaVersion").asInt() != 2 || !index.path("manifests").isArray()) {
      throw new InvalidOciLayoutException(
          file,
          "not an OCI index: needs schemaVersion 2 and a manifests array",
          "fix the file or " + REEXPORT);
    }
    return index.path("manifests");
  }

  /** Reads a descriptor; {@code where} says which one, e.g. {@code manifests[0]}. */
  static Descriptor descriptor(JsonNode node, Path file, String where) {
    JsonNode mediaType = node.path("mediaType");
    JsonNode size = node.path("size");
    if (!mediaType.isTextual() || !size.canConvertToExactIntegral() || size.asLong() < 0) {
      throw new InvalidOciLayoutException(
          file,
          where + " is not a descriptor with a mediaType and a non-negative size",
          "fix the descriptor or " + REEXPORT);
    }
    JsonNode digest = node.path("digest");
    try {
      return new Descriptor(mediaType.asText(), Digest.parse(digest.asText(null)), size.asLong());
    } catch (RegistryException e) {
      throw new InvalidOciLayoutException(
          file,
          where
              + " has digest "
              + (digest.isMissingNode() ? "(none)" : digest)
              + ", not sha256:<64 hex> or sha512:<128 hex>",
          "fix the descriptor or " + REEXPORT);
    }
  }

  /**
   * The blob's file after checking it exists and has the size the referrer states.
   *
   * @param referrer the file whose descriptor names the blob, for the message
   */
  Path blob(Descriptor descriptor, Path referrer) {
    Path file = blobPath(descriptor.digest());
    if (!Files.isRegularFile(file)) {
      throw new InvalidOciLayoutException(
          file,
          "missing, though " + referrer + " references it",
          "copy the blob in or " + REEXPORT);
    }
    long actual = size(file);
    if (actual != descriptor.size()) {
      throw new InvalidOciLayoutException(
          file,
          "is " + actual + " bytes but " + referrer + " says " + descriptor.size(),
          "fix the descriptor's size or " + REEXPORT);
    }
    return file;
  }

  /** Where the blob's file belongs, whether or not it is there. */
  Path blobPath(Digest digest) {
    return root.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
  }

  /** A manifest's bytes, verified against its digest. */
  byte[] manifest(Descriptor descriptor, Path referrer) {
    Path file = blob(descriptor, referrer);
    if (descriptor.size() > MANIFEST_LIMIT) {
      throw new InvalidOciLayoutException(
          file, "a manifest of " + descriptor.size() + " bytes, over 4 MiB", "shrink the manifest");
    }
    byte[] content = read(file);
    MessageDigest hash = descriptor.digest().newMessageDigest();
    hash.update(content);
    checkDigest(file, descriptor.digest(), Digest.of(hash));
    return content;
  }

  /** Streams a blob into the store, adopting it only if it hashes to its file name. */
  void copyBlob(Path file, Digest expected, BlobStore blobs) {
    Path staged = blobs.newIncomingFile();
    MessageDigest hash = expected.newMessageDigest();
    try {
      try (InputStream in = Files.newInputStream(file);
          OutputStream out = new DigestOutputStream(Files.newOutputStream(staged), hash)) {
        in.transferTo(out);
      }
      checkDigest(file, expected, Digest.of(hash));
      blobs.adopt(staged, expected);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + file + " into the blob store", e);
    } finally {
      try {
        Files.deleteIfExists(staged);
      } catch (IOException e) {
        // Gone after a successful adopt; otherwise the store's directory removes it on close.
      }
    }
  }

  static JsonNode readJson(Path file, byte[] content) {
    try {
      JsonNode node = JSON.readTree(content);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (IOException e) {
      throw new InvalidOciLayoutException(
          file,
          "not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")",
          "fix the file or " + REEXPORT);
    }
    throw new InvalidOciLayoutException(file, "not a JSON object", "fix the file or " + REEXPORT);
  }

  private static void checkDigest(Path file, Digest expected, Digest actual) {
    if (!actual.equals(expected)) {
      throw new InvalidOciLayoutException(
          file,
          "content hashes to " + actual + ", not to the digest its file name says",
          "the blob is corrupt or misnamed; " + REEXPORT);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + file, e);
    }
  }
}
