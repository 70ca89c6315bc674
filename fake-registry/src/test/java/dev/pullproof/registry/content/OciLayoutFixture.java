package dev.pullproof.registry.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullproof.registry.protocol.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;

/** Writes an OCI image layout by hand from a published image, as an exporter would. */
final class OciLayoutFixture {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final ArrayNode entries = JSON.createArrayNode();

  OciLayoutFixture(Path root) throws IOException {
    this.root = root;
    Files.createDirectories(root.resolve("blobs/sha256"));
    Files.writeString(root.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
  }

  /** Copies every manifest and blob of the representation and lists it in index.json. */
  OciLayoutFixture add(
      RegistryContent source, PublishedImage image, ManifestFlavor flavor, String refName)
      throws IOException {
    PublishedImage.Representation representation = image.representation(flavor);
    Repository repo = source.repository(image.repository());
    Set<Digest> blobs = new LinkedHashSet<>();
    for (PublishedImage.PlatformImage platform : representation.platforms()) {
      write(
          platform.manifest().digest(),
          repo.manifest(platform.manifest().digest()).orElseThrow().content());
      blobs.add(platform.config().digest());
      platform.layers().forEach(l -> blobs.add(l.digest()));
    }
    Descriptor top = representation.manifest();
    write(top.digest(), repo.manifest(top.digest()).orElseThrow().content());
    for (Digest blob : blobs) {
      Files.copy(
          source.blobs().find(blob).orElseThrow(), blob(blob), StandardCopyOption.REPLACE_EXISTING);
    }
    ObjectNode entry = entries.addObject();
    entry.put("mediaType", top.mediaType());
    entry.put("digest", top.digest().toString());
    entry.put("size", top.size());
    if (refName != null) {
      entry.putObject("annotations").put(OciLayoutImporter.REF_NAME, refName);
    }
    return this;
  }

  /** Writes index.json listing everything added. */
  Path write() throws IOException {
    ObjectNode index = JSON.createObjectNode();
    index.put("schemaVersion", 2);
    index.put("mediaType", ManifestFlavor.OCI.indexType());
    index.set("manifests", entries);
    Files.write(root.resolve("index.json"), JSON.writeValueAsBytes(index));
    return root;
  }

  Path blob(Digest digest) {
    return root.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
  }

  private void write(Digest digest, byte[] content) throws IOException {
    Files.write(blob(digest), content);
  }
}
