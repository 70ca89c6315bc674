package dev.pullproof.registry.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.RawHttp;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed requests of every kind get the spec's status and error code with a JSON error body:
 * never a 500, never a stack trace, never a hang.
 */
class BadRequestCorpusTest {
  private static final byte[] BLOB = PushPullProtocolTest.bytes(1000);
  private static final Digest DIGEST = Digest.sha256(BLOB);
  private static final String UNKNOWN = "sha256:" + "0".repeat(64);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static FakeRegistry registry;
  private static RawHttp http;

  @BeforeAll
  static void start() throws Exception {
    registry = FakeRegistry.builder().start();
    http = new RawHttp(registry);
    BadRequest.seedBlob(http, "a", BLOB);
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  static Stream<BadRequest> corpus() {
    byte[] big = new byte[ManifestHandler.MAX_MANIFEST_BYTES + 10];
    Arrays.fill(big, (byte) ' ');
    return Stream.of(
        BadRequest.get("upper-case name", "/v2/Upper/manifests/x", 400, ErrorCode.NAME_INVALID),
        BadRequest.get(
            "path traversal", "/v2/../../etc/passwd/manifests/latest", 400, ErrorCode.NAME_INVALID),
        BadRequest.get("encoded dot-dot", "/v2/%2e%2e/manifests/x", 400, ErrorCode.NAME_INVALID),
        BadRequest.get("encoded slash", "/v2/a%2Fb/manifests/x", 400, ErrorCode.NAME_INVALID),
        BadRequest.get("empty path component", "/v2/a//b/manifests/x", 400, ErrorCode.NAME_INVALID),
        BadRequest.get("trailing separator", "/v2/name-/manifests/x", 400, ErrorCode.NAME_INVALID),
        BadRequest.get(
            "name over 255 chars",
            "/v2/" + "n".repeat(300) + "/manifests/x",
            400,
            ErrorCode.NAME_INVALID),
        BadRequest.get(
            "tag over 128 chars",
            "/v2/a/manifests/" + "t".repeat(200),
            404,
            ErrorCode.MANIFEST_UNKNOWN),
        BadRequest.get("empty reference", "/v2/a/manifests/", 404, ErrorCode.MANIFEST_UNKNOWN),
        BadRequest.get(
            "tag with colon", "/v2/a/manifests/bad:tag", 404, ErrorCode.MANIFEST_UNKNOWN),
        BadRequest.get(
            "short digest", "/v2/a/manifests/sha256:abc", 404, ErrorCode.MANIFEST_UNKNOWN),
        // Manifest GET and HEAD of a malformed reference: 404 (spec end-3); a write keeps 400.
        BadRequest.send(
            "HEAD of a short digest",
            "HEAD",
            "/v2/a/manifests/sha256:abc",
            Map.of(),
            null,
            404,
            ErrorCode.MANIFEST_UNKNOWN),
        BadRequest.send(
            "PUT to a tag over 128 chars",
            "PUT",
            "/v2/a/manifests/" + "t".repeat(200),
            Map.of(),
            new byte[0],
            400,
            ErrorCode.TAG_INVALID),
        BadRequest.send(
            "PUT to a short digest",
            "PUT",
            "/v2/a/manifests/sha256:abc",
            Map.of(),
            new byte[0],
            400,
            ErrorCode.DIGEST_INVALID),
        BadRequest.get(
            "upper-case hex",
            "/v2/a/blobs/sha256:" + "A".repeat(64),
            400,
            ErrorCode.DIGEST_INVALID),
        BadRequest.get(
            "unknown algorithm",
            "/v2/a/blobs/md5:" + "0".repeat(32),
            400,
            ErrorCode.DIGEST_INVALID),
        BadRequest.get("not a digest", "/v2/a/blobs/latest", 400, ErrorCode.DIGEST_INVALID),
        BadRequest.get("unknown blob", "/v2/a/blobs/" + UNKNOWN, 404, ErrorCode.BLOB_UNKNOWN),
        BadRequest.get(
            "unknown repository", "/v2/nobody/manifests/1.0", 404, ErrorCode.NAME_UNKNOWN),
        BadRequest.get("unknown tag", "/v2/a/manifests/nope", 404, ErrorCode.MANIFEST_UNKNOWN),
        BadRequest.get(
            "bad referrers digest", "/v2/a/referrers/xyz", 400, ErrorCode.DIGEST_INVALID),
        BadRequest.get("outside the API", "/foo", 404, ErrorCode.NOT_FOUND),
        BadRequest.get("v2 without operation", "/v2/a", 404, ErrorCode.NOT_FOUND),
        BadRequest.get(
            "unknown upload", "/v2/a/blobs/uploads/0123-abcd", 404, ErrorCode.BLOB_UPLOAD_UNKNOWN),
        BadRequest.get(
            "malformed upload id",
            "/v2/a/blobs/uploads/bad!id",
            404,
            ErrorCode.BLOB_UPLOAD_UNKNOWN),
        BadRequest.get(
            "negative page size", "/v2/a/tags/list?n=-1", 400, ErrorCode.PAGINATION_NUMBER_INVALID),
        BadRequest.get(
            "non-numeric page size",
            "/v2/_catalog?n=abc",
            400,
            ErrorCode.PAGINATION_NUMBER_INVALID),
        BadRequest.get(
            "huge page size", "/v2/_catalog?n=99999999", 400, ErrorCode.PAGINATION_NUMBER_INVALID),
        BadRequest.get(
            "tags of unknown repository", "/v2/nobody/tags/list", 404, ErrorCode.NAME_UNKNOWN),
        BadRequest.ranged("range in other unit", DIGEST, "items=0-1"),
        BadRequest.ranged("range not numeric", DIGEST, "bytes=abc-def"),
        BadRequest.ranged("multiple ranges", DIGEST, "bytes=0-1,3-4"),
        BadRequest.ranged("range reversed", DIGEST, "bytes=100-50"),
        BadRequest.ranged("range past the end", DIGEST, "bytes=5000-6000"),
        BadRequest.ranged("range without bounds", DIGEST, "bytes=-"),
        BadRequest.ranged("zero suffix", DIGEST, "bytes=-0"),
        BadRequest.send(
            "PUT on version check", "PUT", "/v2/", Map.of(), null, 405, ErrorCode.UNSUPPORTED),
        BadRequest.send(
            "POST on a manifest",
            "POST",
            "/v2/a/manifests/x",
            Map.of(),
            null,
            405,
            ErrorCode.UNSUPPORTED),
        BadRequest.send(
            "DELETE on catalog",
            "DELETE",
            "/v2/_catalog",
            Map.of(),
            null,
            405,
            ErrorCode.UNSUPPORTED),
        BadRequest.send(
            "PATCH without session",
            "PATCH",
            "/v2/a/blobs/uploads/",
            Map.of(),
            new byte[1],
            405,
            ErrorCode.UNSUPPORTED),
        BadRequest.send(
            "POST on tags list",
            "POST",
            "/v2/a/tags/list",
            Map.of(),
            null,
            405,
            ErrorCode.UNSUPPORTED),
        BadRequest.send(
            "unknown method", "BREW", "/v2/", Map.of(), null, 405, ErrorCode.UNSUPPORTED),
        manifest("manifest not JSON", "{not json", 400, ErrorCode.MANIFEST_INVALID),
        manifest("manifest is an array", "[1,2]", 400, ErrorCode.MANIFEST_INVALID),
        manifest(
            "manifest of unknown type",
            "{\"schemaVersion\":2,\"mediaType\":\"text/plain\"}",
            400,
            ErrorCode.MANIFEST_INVALID),
        manifest(
            "schema version 1",
            "{\"schemaVersion\":1,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{}}",
            400,
            ErrorCode.MANIFEST_INVALID),
        manifest(
            "manifest without config",
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"layers\":[]}",
            400,
            ErrorCode.MANIFEST_INVALID),
        manifest(
            "descriptor with bad digest",
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"digest\":\"nope\"},\"layers\":[]}",
            400,
            ErrorCode.MANIFEST_INVALID),
        manifest(
            "layers not an array",
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"digest\":\""
                + DIGEST
                + "\"},\"layers\":{}}",
            400,
            ErrorCode.MANIFEST_INVALID),
        new BadRequest(
            "manifest digest mismatch",
            "PUT",
            "/v2/a/manifests/" + UNKNOWN,
            Map.of(),
            validManifest(),
            400,
            ErrorCode.DIGEST_INVALID),
        new BadRequest(
            "manifest over 4 MiB",
            "PUT",
            "/v2/a/manifests/big",
            Map.of(),
            big,
            413,
            ErrorCode.MANIFEST_INVALID),
        BadRequest.send(
            "monolithic push with bad digest",
            "POST",
            "/v2/a/blobs/uploads/?digest=sha256:zz",
            Map.of(),
            new byte[3],
            400,
            ErrorCode.DIGEST_INVALID),
        BadRequest.send(
            "mount with bad digest",
            "POST",
            "/v2/a/blobs/uploads/?mount=nope&from=b",
            Map.of(),
            null,
            400,
            ErrorCode.DIGEST_INVALID),
        BadRequest.send(
            "mount from invalid name",
            "POST",
            "/v2/a/blobs/uploads/?mount=" + DIGEST + "&from=Bad_Name",
            Map.of(),
            null,
            400,
            ErrorCode.NAME_INVALID),
        BadRequest.send(
            "header block over 16 KiB",
            "GET",
            "/v2/",
            Map.of("X-Padding", "p".repeat(20_000)),
            null,
            431,
            ErrorCode.UNSUPPORTED),
        BadRequest.send(
            "blob HEAD of unknown digest",
            "HEAD",
            "/v2/a/blobs/" + UNKNOWN,
            Map.of(),
            null,
            404,
            ErrorCode.BLOB_UNKNOWN),
        BadRequest.send(
            "delete unknown manifest",
            "DELETE",
            "/v2/a/manifests/" + UNKNOWN,
            Map.of(),
            null,
            404,
            ErrorCode.MANIFEST_UNKNOWN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void answersWithTheSpecErrorCode(BadRequest bad) throws Exception {
    bad.assertAnsweredBy(http);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("uploadSequences")
  void malformedUploadSequencesAreRejected(
      String why,
      String method,
      Map<String, String> headers,
      byte[] body,
      int status,
      ErrorCode code)
      throws Exception {
    String location = http.send("POST", "/v2/a/blobs/uploads/", Map.of(), null).header("Location");
    RawHttp.Response r =
        http.send(
            method,
            location + (method.equals("PUT") && headers.isEmpty() && body == null ? "" : ""),
            headers,
            body);
    assertThat(r.status()).as(why + ": " + r.text()).isEqualTo(status);
    assertThat(JSON.readTree(r.body()).path("errors").path(0).path("code").asText())
        .isEqualTo(code.name());
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> uploadSequences() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(
            "finish without digest", "PUT", Map.of(), new byte[0], 400, ErrorCode.DIGEST_INVALID),
        org.junit.jupiter.params.provider.Arguments.of(
            "chunk not at the start",
            "PATCH",
            Map.of("Content-Range", "5-9"),
            new byte[5],
            416,
            ErrorCode.RANGE_INVALID),
        org.junit.jupiter.params.provider.Arguments.of(
            "garbage Content-Range",
            "PATCH",
            Map.of("Content-Range", "x-y"),
            new byte[5],
            416,
            ErrorCode.RANGE_INVALID));
  }

  /** Requests the HTTP layer refuses before routing: a plain 400, the server stays up. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("unparsable")
  void unparsableRequestsAreRefusedByTheHttpLayer(String why, String request) throws Exception {
    int status = http.sendRaw(request.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(status).as(why).isIn(-1, 400, 431);
    assertThat(http.get("/v2/").status()).isEqualTo(200);
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> unparsable() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("garbage request line", "GARBAGE\r\n\r\n"),
        org.junit.jupiter.params.provider.Arguments.of(
            "duplicate Host", "GET /v2/ HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
        org.junit.jupiter.params.provider.Arguments.of(
            "header over 64 KiB",
            "GET /v2/ HTTP/1.1\r\nHost: a\r\nX: " + "x".repeat(70_000) + "\r\n\r\n"),
        org.junit.jupiter.params.provider.Arguments.of(
            "space in path", "GET /v2/a b/manifests/x HTTP/1.1\r\nHost: a\r\n\r\n"));
  }

  private static BadRequest manifest(String why, String body, int status, ErrorCode code) {
    return new BadRequest(
        why,
        "PUT",
        "/v2/a/manifests/t",
        Map.of("Content-Type", "application/vnd.oci.image.manifest.v1+json"),
        body.getBytes(StandardCharsets.UTF_8),
        status,
        code);
  }

  private static byte[] validManifest() {
    return Images.manifestJson(DIGEST, 1000, DIGEST, 1000).getBytes(StandardCharsets.UTF_8);
  }

  static List<String> names() {
    return corpus().map(BadRequest::why).toList();
  }
}
