package dev.pullproof.registry.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.RawHttp;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.MediaTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Manifests whose non-distributable layers or index children are absent: accepted by default (as
 * registries holding Windows images or single-platform copies of an index are configured), refused
 * with MANIFEST_BLOB_UNKNOWN when lenience is off; an absent regular layer is refused either way.
 */
class LenientManifestTest {
  private static final String FOREIGN = "application/vnd.oci.image.layer.nondistributable.v1.tar";
  private static final String DOCKER_FOREIGN =
      "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
  private static final Digest ABSENT = Digest.sha256(new byte[] {42});

  @Test
  void absentForeignLayersAndIndexChildrenAreAcceptedByDefault() throws IOException {
    try (FakeRegistry registry = FakeRegistry.builder().start()) {
      RawHttp http = new RawHttp(registry);
      Images.Pushed image = Images.push(http, "app", "base");
      assertThat(put(http, manifestWithLayer(image, FOREIGN)).status()).isEqualTo(201);
      assertThat(put(http, manifestWithLayer(image, DOCKER_FOREIGN)).status()).isEqualTo(201);
      RawHttp.Response index = put(http, sparseIndex(image));
      assertThat(index.status()).as(index.text()).isEqualTo(201);
      // The index is served; its absent child is simply unknown.
      assertThat(http.send("GET", "/v2/app/manifests/sparse", accept(), null).status())
          .isEqualTo(200);
      assertThat(http.get("/v2/app/manifests/" + ABSENT).status()).isEqualTo(404);
    }
  }

  @Test
  void absentRegularLayersAreRefusedEvenWhenLenient() throws IOException {
    try (FakeRegistry registry = FakeRegistry.builder().start()) {
      RawHttp http = new RawHttp(registry);
      Images.Pushed image = Images.push(http, "app", "base");
      RawHttp.Response r = put(http, manifestWithLayer(image, MediaTypes.OCI_LAYER_GZIP));
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.text()).contains("MANIFEST_BLOB_UNKNOWN");
    }
  }

  @Test
  void strictRegistriesRefuseAbsentForeignLayersAndChildren() throws IOException {
    try (FakeRegistry registry = FakeRegistry.builder().lenientManifests(false).start()) {
      RawHttp http = new RawHttp(registry);
      Images.Pushed image = Images.push(http, "app", "base");
      for (String body : new String[] {manifestWithLayer(image, FOREIGN), sparseIndex(image)}) {
        RawHttp.Response r = put(http, body);
        assertThat(r.status()).as(body).isEqualTo(404);
        assertThat(r.text()).contains("MANIFEST_BLOB_UNKNOWN").contains(ABSENT.toString());
      }
    }
  }

  /**
   * An image manifest: the pushed image's config, its layer, and an absent layer of {@code type}.
   */
  private static String manifestWithLayer(Images.Pushed image, String type) {
    return "{\"schemaVersion\":2,\"mediaType\":\""
        + MediaTypes.OCI_MANIFEST
        + "\",\"config\":{\"mediaType\":\""
        + MediaTypes.OCI_CONFIG
        + "\",\"digest\":\""
        + image.configDigest()
        + "\",\"size\":1},\"layers\":["
        + descriptor(type, ABSENT)
        + ","
        + descriptor(MediaTypes.OCI_LAYER_GZIP, image.layerDigest())
        + "]}";
  }

  private static String sparseIndex(Images.Pushed image) {
    return "{\"schemaVersion\":2,\"mediaType\":\""
        + MediaTypes.OCI_INDEX
        + "\",\"manifests\":["
        + descriptor(MediaTypes.OCI_MANIFEST, image.manifestDigest())
        + ","
        + descriptor(MediaTypes.OCI_MANIFEST, ABSENT)
        + "]}";
  }

  private static String descriptor(String type, Digest digest) {
    return "{\"mediaType\":\"" + type + "\",\"digest\":\"" + digest + "\",\"size\":1}";
  }

  /** An index goes to the tag {@code sparse}, an image manifest to its digest. */
  private static RawHttp.Response put(RawHttp http, String manifest) throws IOException {
    byte[] body = manifest.getBytes(StandardCharsets.UTF_8);
    boolean index = manifest.contains("\"manifests\"");
    String reference = index ? "sparse" : Digest.sha256(body).toString();
    String type = index ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
    return http.send("PUT", "/v2/app/manifests/" + reference, Map.of("Content-Type", type), body);
  }

  private static Map<String, String> accept() {
    return Map.of("Accept", MediaTypes.OCI_INDEX);
  }
}
