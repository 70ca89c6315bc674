package dev.pullproof.registry.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.RawHttp;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.MediaTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Pushes small hand-written images over HTTP, the way a client seeds a registry. */
final class Images {
  record Pushed(Digest manifestDigest, int manifestSize, Digest configDigest, Digest layerDigest) {}

  private Images() {}

  static Pushed push(RawHttp http, String repo, String tag) throws IOException {
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"tag\":\""
                + tag
                + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] layer = PushPullProtocolTest.bytes(1000 + tag.length());
    Digest c = blob(http, repo, config);
    Digest l = blob(http, repo, layer);
    byte[] manifest =
        manifestJson(c, config.length, l, layer.length).getBytes(StandardCharsets.UTF_8);
    put(http, repo, tag, MediaTypes.OCI_MANIFEST, manifest);
    return new Pushed(Digest.sha256(manifest), manifest.length, c, l);
  }

  static Digest pushIndex(RawHttp http, String repo, String tag, Pushed amd64) throws IOException {
    String index =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MediaTypes.OCI_INDEX
            + "\",\"manifests\":[{\"mediaType\":\""
            + MediaTypes.OCI_MANIFEST
            + "\",\"digest\":\""
            + amd64.manifestDigest()
            + "\",\"size\":"
            + amd64.manifestSize()
            + ",\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}}]}";
    byte[] bytes = index.getBytes(StandardCharsets.UTF_8);
    put(http, repo, tag, MediaTypes.OCI_INDEX, bytes);
    return Digest.sha256(bytes);
  }

  static Digest pushReferrer(RawHttp http, String repo, Pushed subject) throws IOException {
    byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
    Digest e = blob(http, repo, empty);
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MediaTypes.OCI_MANIFEST
            + "\",\"artifactType\":\"application/vnd.example.signature\",\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\""
            + e
            + "\",\"size\":2},\"layers\":[],\"subject\":{\"mediaType\":\""
            + MediaTypes.OCI_MANIFEST
            + "\",\"digest\":\""
            + subject.manifestDigest()
            + "\",\"size\":"
            + subject.manifestSize()
            + "}}";
    byte[] bytes = manifest.getBytes(StandardCharsets.UTF_8);
    Digest digest = Digest.sha256(bytes);
    RawHttp.Response r =
        http.send(
            "PUT",
            "/v2/" + repo + "/manifests/" + digest,
            Map.of("Content-Type", MediaTypes.OCI_MANIFEST),
            bytes);
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.header("OCI-Subject")).isEqualTo(subject.manifestDigest().toString());
    return digest;
  }

  static String manifestJson(Digest config, int configSize, Digest layer, int layerSize) {
    return "{\"schemaVersion\":2,\"mediaType\":\""
        + MediaTypes.OCI_MANIFEST
        + "\",\"config\":{\"mediaType\":\""
        + MediaTypes.OCI_CONFIG
        + "\",\"digest\":\""
        + config
        + "\",\"size\":"
        + configSize
        + "},\"layers\":[{\"mediaType\":\""
        + MediaTypes.OCI_LAYER_GZIP
        + "\",\"digest\":\""
        + layer
        + "\",\"size\":"
        + layerSize
        + "}]}";
  }

  private static Digest blob(RawHttp http, String repo, byte[] content) throws IOException {
    Digest d = Digest.sha256(content);
    RawHttp.Response r =
        http.send("POST", "/v2/" + repo + "/blobs/uploads/?digest=" + d, Map.of(), content);
    assertThat(r.status()).isEqualTo(201);
    return d;
  }

  private static void put(RawHttp http, String repo, String tag, String type, byte[] body)
      throws IOException {
    RawHttp.Response r =
        http.send("PUT", "/v2/" + repo + "/manifests/" + tag, Map.of("Content-Type", type), body);
    assertThat(r.status()).as(r.text()).isEqualTo(201);
  }
}
