package dev.pullproof.registry.content;

import dev.pullproof.registry.protocol.Digest;
import java.util.List;

/**
 * A manifest exactly as pushed: its bytes (served verbatim so the digest holds), media type, and
 * the descriptors it references.
 *
 * @param children for an index, the manifests it lists with their platforms; empty otherwise
 * @param blobs for an image manifest, its config and layer digests; empty for an index
 * @param nonDistributable the layers of {@code blobs} that are non-distributable (foreign)
 */
public record StoredManifest(
    Digest digest,
    String mediaType,
    byte[] content,
    List<Child> children,
    List<Digest> blobs,
    List<Digest> nonDistributable,
    String subject,
    String artifactType) {

  public StoredManifest {
    children = List.copyOf(children);
    blobs = List.copyOf(blobs);
    nonDistributable = List.copyOf(nonDistributable);
  }

  /** One entry of an index. */
  public record Child(Digest digest, String mediaType, long size, String os, String architecture) {}
}
