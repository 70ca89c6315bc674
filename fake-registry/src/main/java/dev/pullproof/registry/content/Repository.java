package dev.pullproof.registry.content;

import dev.pullproof.registry.protocol.AcceptHeader;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.MediaTypes;
import dev.pullproof.registry.protocol.Reference;
import dev.pullproof.registry.protocol.RepositoryName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One repository: the blobs linked to it, its manifests and its tags. A tag may carry several
 * representations of one image (say an OCI index and a Docker manifest list); {@link #resolve}
 * picks the one the client's Accept header prefers.
 */
public final class Repository {
  private final RepositoryName name;
  private final Set<Digest> blobs = ConcurrentHashMap.newKeySet();
  private final Map<Digest, StoredManifest> manifests = new ConcurrentHashMap<>();
  private final Map<String, List<Digest>> tags = new ConcurrentHashMap<>();

  Repository(RepositoryName name) {
    this.name = name;
  }

  public RepositoryName name() {
    return name;
  }

  public void linkBlob(Digest digest) {
    blobs.add(digest);
  }

  public boolean hasBlob(Digest digest) {
    return blobs.contains(digest);
  }

  public boolean unlinkBlob(Digest digest) {
    return blobs.remove(digest);
  }

  public void putManifest(StoredManifest manifest) {
    manifests.put(manifest.digest(), manifest);
  }

  /** Points the tag at exactly this manifest, as a push does. */
  public void tag(String tag, Digest digest) {
    tags.put(tag, List.of(digest));
  }

  /** Adds another representation of the tag, chosen by Accept negotiation. */
  public void addRepresentation(String tag, Digest digest) {
    tags.merge(
        tag,
        List.of(digest),
        (old, add) -> {
          List<Digest> merged = new ArrayList<>(old);
          merged.removeAll(add);
          merged.addAll(add);
          return List.copyOf(merged);
        });
  }

  public Optional<StoredManifest> manifest(Digest digest) {
    return Optional.ofNullable(manifests.get(digest));
  }

  public boolean removeManifest(Digest digest) {
    boolean removed = manifests.remove(digest) != null;
    tags.replaceAll((t, ds) -> ds.stream().filter(d -> !d.equals(digest)).toList());
    tags.values().removeIf(List::isEmpty);
    return removed;
  }

  public boolean removeTag(String tag) {
    return tags.remove(tag) != null;
  }

  public List<String> tags() {
    return new TreeSet<>(tags.keySet()).stream().toList();
  }

  public List<StoredManifest> manifests() {
    return List.copyOf(manifests.values());
  }

  /**
   * The manifest a GET or HEAD answers with. By digest: exactly that manifest (its type is what it
   * is). By tag: the most preferred acceptable representation; failing that, as distribution does
   * for clients that cannot read an index, the linux/amd64 child of an index.
   */
  public StoredManifest resolve(Reference reference, AcceptHeader accept) {
    if (reference instanceof Reference.ByDigest byDigest) {
      return manifest(byDigest.digest())
          .orElseThrow(() -> ErrorCode.MANIFEST_UNKNOWN.exception(name + "@" + byDigest));
    }
    List<Digest> representations = tags.get(reference.toString());
    if (representations == null) {
      throw ErrorCode.MANIFEST_UNKNOWN.exception("unknown tag " + name + ":" + reference);
    }
    List<StoredManifest> candidates =
        representations.stream().map(manifests::get).filter(m -> m != null).toList();
    Optional<StoredManifest> best =
        candidates.stream()
            .filter(m -> accept.accepts(m.mediaType()))
            .min(Comparator.comparingInt(m -> accept.rank(m.mediaType())));
    if (best.isPresent()) {
      return best.get();
    }
    for (StoredManifest m : candidates) {
      if (MediaTypes.INDEXES.contains(m.mediaType())) {
        for (StoredManifest.Child child : m.children()) {
          if ("linux".equals(child.os()) && "amd64".equals(child.architecture())) {
            Optional<StoredManifest> one = manifest(child.digest());
            if (one.isPresent() && accept.accepts(one.get().mediaType())) {
              return one.get();
            }
          }
        }
      }
    }
    throw ErrorCode.MANIFEST_UNKNOWN.exception(
        name
            + ":"
            + reference
            + " exists as "
            + candidates.stream().map(StoredManifest::mediaType).toList()
            + " but the client accepts only "
            + accept.types());
  }
}
