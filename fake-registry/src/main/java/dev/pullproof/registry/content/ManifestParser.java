package dev.pullproof.registry.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.MediaTypes;
import dev.pullproof.registry.protocol.RegistryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses pushed manifest bytes into a {@link StoredManifest}; anything malformed is
 * MANIFEST_INVALID.
 */
public final class ManifestParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestParser() {}

  /**
   * @param contentType the request's Content-Type; the body's own {@code mediaType} wins when set
   */
  public static StoredManifest parse(byte[] content, String contentType) {
    return parse(content, contentType, "sha256");
  }

  /**
   * @param algorithm the digest algorithm the manifest is known by: the one of the digest a client
   *     pushed it to, sha256 for a tag
   */
  public static StoredManifest parse(byte[] content, String contentType, String algorithm) {
    JsonNode root;
    try {
      root = JSON.readTree(content);
    } catch (IOException e) {
      throw ErrorCode.MANIFEST_INVALID.exception("not JSON: " + firstLine(e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw ErrorCode.MANIFEST_INVALID.exception("manifest must be a JSON object");
    }
    String mediaType = text(root, "mediaType");
    if (mediaType == null) {
      // Not split(";")[0]: a Content-Type of only ";" splits into nothing.
      int semicolon = contentType == null ? -1 : contentType.indexOf(';');
      mediaType =
          contentType == null
              ? null
              : (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    }
    if (mediaType == null || !MediaTypes.MANIFESTS.contains(mediaType)) {
      throw ErrorCode.MANIFEST_INVALID.exception("unsupported manifest media type: " + mediaType);
    }
    JsonNode schemaVersion = root.path("schemaVersion");
    // asInt() would read the string "2" as 2: a manifest's schemaVersion is a JSON number.
    if (!schemaVersion.isIntegralNumber() || schemaVersion.asInt() != 2) {
      throw ErrorCode.MANIFEST_INVALID.exception("schemaVersion must be 2");
    }
    List<StoredManifest.Child> children = new ArrayList<>();
    List<Digest> blobs = new ArrayList<>();
    List<Digest> nonDistributable = new ArrayList<>();
    if (MediaTypes.INDEXES.contains(mediaType)) {
      for (JsonNode m : array(root, "manifests")) {
        JsonNode platform = m.path("platform");
        children.add(
            new StoredManifest.Child(
                digestOf(m),
                text(m, "mediaType"),
                m.path("size").asLong(),
                text(platform, "os"),
                text(platform, "architecture")));
      }
    } else {
      JsonNode config = root.path("config");
      if (!config.isObject()) {
        throw ErrorCode.MANIFEST_INVALID.exception("image manifest has no config descriptor");
      }
      blobs.add(digestOf(config));
      for (JsonNode layer : array(root, "layers")) {
        Digest digest = digestOf(layer);
        blobs.add(digest);
        if (MediaTypes.isNonDistributable(text(layer, "mediaType"))) {
          nonDistributable.add(digest);
        }
      }
    }
    String subject = root.path("subject").isObject() ? text(root.path("subject"), "digest") : null;
    return new StoredManifest(
        Digest.of(algorithm, content),
        mediaType,
        content,
        children,
        blobs,
        nonDistributable,
        subject,
        text(root, "artifactType"));
  }

  private static Iterable<JsonNode> array(JsonNode root, String field) {
    JsonNode node = root.path(field);
    if (!node.isArray()) {
      throw ErrorCode.MANIFEST_INVALID.exception("'" + field + "' must be an array");
    }
    return node;
  }

  private static Digest digestOf(JsonNode descriptor) {
    String digest = text(descriptor, "digest");
    try {
      return Digest.parse(digest);
    } catch (RegistryException e) {
      throw ErrorCode.MANIFEST_INVALID.exception("descriptor digest invalid: " + digest);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
