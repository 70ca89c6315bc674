package dev.pullproof.registry.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.MediaTypes;
import dev.pullproof.registry.protocol.Reference;
import dev.pullproof.registry.protocol.RegistryException;
import dev.pullproof.registry.protocol.RepositoryName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports an OCI image layout directory (as skopeo, crane or {@code ctr export} write) into a
 * repository. Starting from index.json it stores every referenced blob, then each manifest after
 * the manifests it lists, then the tags. Tags come from each entry's {@value #REF_NAME} annotation;
 * an entry without one is stored by digest only. A blob already in the store is linked, not copied
 * again.
 */
public final class OciLayoutImporter {
  public static final String REF_NAME = "org.opencontainers.image.ref.name";

  private final RegistryContent content;

  public OciLayoutImporter(RegistryContent content) {
    this.content = content;
  }

  /** Imports every index.json entry, tagged by its ref.name annotation. */
  public ImportedLayout importLayout(Path layout, RepositoryName repository) {
    return run(new OciLayoutFiles(layout), repository, null);
  }

  /** Imports a layout whose index.json has exactly one entry, under this tag. */
  public ImportedLayout importLayout(Path layout, RepositoryName repository, String tag) {
    try {
      new Reference.Tag(tag);
    } catch (RegistryException e) {
      throw new IllegalArgumentException(
          "tag must match [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}, was " + tag, e);
    }
    return run(new OciLayoutFiles(layout), repository, tag);
  }

  private ImportedLayout run(OciLayoutFiles files, RepositoryName repository, String explicitTag) {
    files.checkLayoutVersion();
    Path indexFile = files.indexFile();
    JsonNode entries = files.indexEntries();
    if (explicitTag != null && entries.size() != 1) {
      throw new InvalidOciLayoutException(
          indexFile,
          "lists " + entries.size() + " manifests, so one tag cannot name them",
          "import without a tag to use their " + REF_NAME + " annotations");
    }
    List<Descriptor> imported = new ArrayList<>();
    Map<String, List<Digest>> tags = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      String where = "manifests[" + i + "]";
      Descriptor descriptor = OciLayoutFiles.descriptor(entries.get(i), indexFile, where);
      importManifest(files, repository, descriptor, indexFile);
      imported.add(descriptor);
      String tag = explicitTag != null ? explicitTag : refName(entries.get(i), indexFile, where);
      if (tag != null) {
        tags.computeIfAbsent(tag, t -> new ArrayList<>()).add(descriptor.digest());
      }
    }
    Repository repo = content.repository(repository);
    // Entries sharing a tag (an OCI index and a Docker list, say) become its representations.
    tags.forEach(
        (tag, digests) -> {
          repo.tag(tag, digests.get(0));
          digests.subList(1, digests.size()).forEach(d -> repo.addRepresentation(tag, d));
        });
    return new ImportedLayout(repository, imported, tags);
  }

  /** Stores the manifest after everything it references. */
  private void importManifest(
      OciLayoutFiles files, RepositoryName repository, Descriptor descriptor, Path referrer) {
    byte[] bytes = files.manifest(descriptor, referrer);
    Path file = files.blobPath(descriptor.digest());
    StoredManifest manifest;
    try {
      manifest = ManifestParser.parse(bytes, descriptor.mediaType());
    } catch (RegistryException e) {
      throw new InvalidOciLayoutException(
          file, "not a valid manifest: " + e.detail(), "fix the manifest or re-export the layout");
    }
    if (!manifest.mediaType().equals(descriptor.mediaType())) {
      throw new InvalidOciLayoutException(
          file,
          "is a " + manifest.mediaType() + " but " + referrer + " says " + descriptor.mediaType(),
          "make the descriptor's mediaType match the manifest");
    }
    JsonNode root = OciLayoutFiles.readJson(file, bytes);
    if (MediaTypes.INDEXES.contains(manifest.mediaType())) {
      JsonNode children = root.path("manifests");
      for (int i = 0; i < children.size(); i++) {
        Descriptor child = OciLayoutFiles.descriptor(children.get(i), file, "manifests[" + i + "]");
        importManifest(files, repository, child, file);
      }
    } else {
      importBlob(
          files, repository, OciLayoutFiles.descriptor(root.path("config"), file, "config"), file);
      JsonNode layers = root.path("layers");
      for (int i = 0; i < layers.size(); i++) {
        Descriptor layer = OciLayoutFiles.descriptor(layers.get(i), file, "layers[" + i + "]");
        importBlob(files, repository, layer, file);
      }
    }
    content.putManifest(repository, manifest);
  }

  private void importBlob(
      OciLayoutFiles files, RepositoryName repository, Descriptor descriptor, Path referrer) {
    Path file = files.blob(descriptor, referrer);
    if (!content.blobs().contains(descriptor.digest())) {
      files.copyBlob(file, descriptor.digest(), content.blobs());
    }
    content.repository(repository).linkBlob(descriptor.digest());
  }

  private static String refName(JsonNode entry, Path indexFile, String where) {
    JsonNode name = entry.path("annotations").path(REF_NAME);
    if (name.isMissingNode()) {
      return null;
    }
    try {
      return new Reference.Tag(name.asText()).name();
    } catch (RegistryException e) {
      throw new InvalidOciLayoutException(
          indexFile,
          where + " has " + REF_NAME + " " + name + ", which is not a valid tag",
          "set it to a tag such as latest, or import the single entry with an explicit tag");
    }
  }
}
