package dev.pullproof.registry.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullproof.registry.protocol.Digest;
import java.util.List;

/**
 * The JSON documents of a synthetic image: config, image manifest and index. Fields are written in
 * a fixed order with no whitespace, so equal inputs give equal bytes and digests.
 */
final class ImageDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CREATED = LayerWriter.EPOCH.toString();

  private ImageDocuments() {}

  /** An image config valid for both OCI and Docker; {@code diffIds} follow the spec's layers. */
  static byte[] config(
      ImageSpec spec, Platform platform, List<LayerRecipe> layers, List<Digest> diffIds) {
    ObjectNode root = JSON.createObjectNode();
    root.put("created", CREATED);
    root.put("author", "pullproof");
    root.put("architecture", platform.architecture());
    root.put("os", platform.os());
    ObjectNode config = root.putObject("config");
    strings(config.putArray("Env"), spec.env());
    if (!spec.entrypoint().isEmpty()) {
      strings(config.putArray("Entrypoint"), spec.entrypoint());
    }
    if (!spec.cmd().isEmpty()) {
      strings(config.putArray("Cmd"), spec.cmd());
    }
    ObjectNode labels = config.putObject("Labels");
    labels.put("dev.pullproof.image", spec.name());
    labels.put("dev.pullproof.seed", Long.toString(spec.seed()));
    ObjectNode rootfs = root.putObject("rootfs");
    rootfs.put("type", "layers");
    strings(rootfs.putArray("diff_ids"), diffIds.stream().map(Digest::toString).toList());
    ArrayNode history = root.putArray("history");
    for (LayerRecipe layer : layers) {
      history.addObject().put("created", CREATED).put("created_by", layer.history());
    }
    return bytes(root);
  }

  static byte[] manifest(ManifestFlavor flavor, Descriptor config, List<Descriptor> layers) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", flavor.manifestType());
    descriptor(root.putObject("config"), config);
    ArrayNode array = root.putArray("layers");
    layers.forEach(layer -> descriptor(array.addObject(), layer));
    return bytes(root);
  }

  static byte[] index(ManifestFlavor flavor, List<PublishedImage.PlatformImage> images) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", flavor.indexType());
    ArrayNode manifests = root.putArray("manifests");
    for (PublishedImage.PlatformImage image : images) {
      ObjectNode entry = manifests.addObject();
      descriptor(entry, image.manifest());
      entry
          .putObject("platform")
          .put("architecture", image.platform().architecture())
          .put("os", image.platform().os());
    }
    return bytes(root);
  }

  private static void descriptor(ObjectNode node, Descriptor descriptor) {
    node.put("mediaType", descriptor.mediaType());
    node.put("digest", descriptor.digest().toString());
    node.put("size", descriptor.size());
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static byte[] bytes(ObjectNode root) {
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree built in memory failed to serialise", e);
    }
  }
}
