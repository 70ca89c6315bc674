package dev.pullproof.registry.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.RawHttp;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * More of the corpus, by concern: near-miss names, tags and digests, Range and pagination values,
 * manifest bodies and methods a route does not take. Each gets the spec's status, code and JSON
 * error body.
 */
class BadReferenceAndBodyCorpusTest {
  private static final byte[] BLOB = PushPullProtocolTest.bytes(100);
  private static final Digest DIGEST = Digest.sha256(BLOB);
  private static final String OCI = "application/vnd.oci.image.manifest.v1+json";
  private static final String INDEX = "application/vnd.oci.image.index.v1+json";
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
    String hex = DIGEST.hex();
    return Stream.of(
        // Names
        BadRequest.get(
            "name starting with a separator", "/v2/.a/manifests/x", 400, ErrorCode.NAME_INVALID),
        BadRequest.get(
            "name with three underscores", "/v2/a___b/manifests/x", 400, ErrorCode.NAME_INVALID),
        BadRequest.get("name with two dots", "/v2/a..b/manifests/x", 400, ErrorCode.NAME_INVALID),
        BadRequest.get(
            "upper case in a later component", "/v2/a/B/manifests/x", 400, ErrorCode.NAME_INVALID),
        BadRequest.get("name with an at sign", "/v2/a@b/manifests/x", 400, ErrorCode.NAME_INVALID),
        BadRequest.get(
            "name with a port-like colon",
            "/v2/host:5000/a/manifests/x",
            400,
            ErrorCode.NAME_INVALID),
        BadRequest.get(
            "component starting with a dash", "/v2/a/-b/manifests/x", 400, ErrorCode.NAME_INVALID),
        BadRequest.get("name of spaces", "/v2/%20/manifests/x", 400, ErrorCode.NAME_INVALID),
        BadRequest.get(
            "tags list of an invalid name", "/v2/A/tags/list", 400, ErrorCode.NAME_INVALID),
        // Tags and digests: a manifest GET of a malformed reference names no manifest (spec
        // end-3 fails only with 404); a write to one is 400 (BadRequestCorpusTest).
        BadRequest.get(
            "tag starting with a dot", "/v2/a/manifests/.hidden", 404, ErrorCode.MANIFEST_UNKNOWN),
        BadRequest.get(
            "tag starting with a dash", "/v2/a/manifests/-x", 404, ErrorCode.MANIFEST_UNKNOWN),
        BadRequest.get(
            "tag with a plus", "/v2/a/manifests/1.0+build", 404, ErrorCode.MANIFEST_UNKNOWN),
        BadRequest.get(
            "tag with an encoded space", "/v2/a/manifests/a%20b", 404, ErrorCode.MANIFEST_UNKNOWN),
        BadRequest.get(
            "tag of exactly 129 characters",
            "/v2/a/manifests/" + "t".repeat(129),
            404,
            ErrorCode.MANIFEST_UNKNOWN),
        BadRequest.get(
            "digest with no hex", "/v2/a/manifests/sha256:", 404, ErrorCode.MANIFEST_UNKNOWN),
        BadRequest.get(
            "digest one hex too long",
            "/v2/a/blobs/sha256:" + hex + "0",
            400,
            ErrorCode.DIGEST_INVALID),
        BadRequest.get(
            "sha512 of sha256 length", "/v2/a/blobs/sha512:" + hex, 400, ErrorCode.DIGEST_INVALID),
        BadRequest.get(
            "upper-case algorithm", "/v2/a/blobs/SHA256:" + hex, 400, ErrorCode.DIGEST_INVALID),
        BadRequest.get(
            "digest with an empty algorithm", "/v2/a/blobs/:" + hex, 400, ErrorCode.DIGEST_INVALID),
        BadRequest.get(
            "digest with two colons", "/v2/a/blobs/sha256::" + hex, 400, ErrorCode.DIGEST_INVALID),
        BadRequest.get(
            "referrers of a tag", "/v2/a/referrers/latest", 400, ErrorCode.DIGEST_INVALID),
        BadRequest.send(
            "blob HEAD of a malformed digest",
            "HEAD",
            "/v2/a/blobs/sha256:zz",
            Map.of(),
            null,
            400,
            ErrorCode.DIGEST_INVALID),
        BadRequest.get(
            "blob of another repository", "/v2/b/blobs/" + DIGEST, 404, ErrorCode.BLOB_UNKNOWN),
        BadRequest.send(
            "delete of an unknown blob",
            "DELETE",
            "/v2/a/blobs/sha256:" + "2".repeat(64),
            Map.of(),
            null,
            404,
            ErrorCode.BLOB_UNKNOWN),
        BadRequest.send(
            "delete of a tag in an unknown repository",
            "DELETE",
            "/v2/nobody/manifests/x",
            Map.of(),
            null,
            404,
            ErrorCode.NAME_UNKNOWN),
        // Range and pagination values
        BadRequest.ranged("range with only the unit", DIGEST, "bytes="),
        BadRequest.ranged("range with three parts", DIGEST, "bytes=1-2-3"),
        BadRequest.ranged("range with a double dash", DIGEST, "bytes=--1"),
        BadRequest.ranged("range start past a long", DIGEST, "bytes=9223372036854775808-"),
        BadRequest.ranged("range with spaces around the unit", DIGEST, "bytes = 0-1"),
        BadRequest.ranged("range of a negative start", DIGEST, "bytes=-5-10"),
        BadRequest.get(
            "fractional page size", "/v2/_catalog?n=1.5", 400, ErrorCode.PAGINATION_NUMBER_INVALID),
        BadRequest.get(
            "page size past an int",
            "/v2/_catalog?n=99999999999",
            400,
            ErrorCode.PAGINATION_NUMBER_INVALID),
        BadRequest.get(
            "empty page size", "/v2/a/tags/list?n=", 400, ErrorCode.PAGINATION_NUMBER_INVALID),
        // Manifest bodies
        manifest("manifest JSON null", "null", OCI),
        manifest("manifest JSON string", "\"manifest\"", OCI),
        manifest("manifest with an empty body", "", OCI),
        manifest(
            "manifest of unknown type and no mediaType",
            "{\"schemaVersion\":2,\"config\":{},\"layers\":[]}",
            "text/plain"),
        manifest(
            "manifest with no type at all",
            "{\"schemaVersion\":2,\"config\":{},\"layers\":[]}",
            null),
        manifest(
            "schema version as a string",
            "{\"schemaVersion\":\"2\",\"mediaType\":\""
                + OCI
                + "\",\"config\":{\"digest\":\""
                + DIGEST
                + "\"},\"layers\":[]}",
            OCI),
        manifest(
            "config is a string",
            "{\"schemaVersion\":2,\"mediaType\":\""
                + OCI
                + "\",\"config\":\""
                + DIGEST
                + "\",\"layers\":[]}",
            OCI),
        manifest(
            "layer without digest",
            "{\"schemaVersion\":2,\"mediaType\":\""
                + OCI
                + "\",\"config\":{\"digest\":\""
                + DIGEST
                + "\"},\"layers\":[{\"size\":1}]}",
            OCI),
        manifest(
            "layer that is a number",
            "{\"schemaVersion\":2,\"mediaType\":\""
                + OCI
                + "\",\"config\":{\"digest\":\""
                + DIGEST
                + "\"},\"layers\":[7]}",
            OCI),
        manifest(
            "index whose manifests is an object",
            "{\"schemaVersion\":2,\"mediaType\":\"" + INDEX + "\",\"manifests\":{}}",
            INDEX),
        manifest(
            "index entry with a bad digest",
            "{\"schemaVersion\":2,\"mediaType\":\""
                + INDEX
                + "\",\"manifests\":[{\"digest\":\"sha256:1\"}]}",
            INDEX),
        manifest(
            "truncated JSON",
            "{\"schemaVersion\":2,\"mediaType\":\"" + OCI + "\",\"config\":{",
            OCI),
        // Methods a route does not take
        BadRequest.send(
            "PUT on a blob",
            "PUT",
            "/v2/a/blobs/" + DIGEST,
            Map.of(),
            new byte[1],
            405,
            ErrorCode.UNSUPPORTED),
        BadRequest.send(
            "PATCH on a manifest",
            "PATCH",
            "/v2/a/manifests/x",
            Map.of(),
            new byte[1],
            405,
            ErrorCode.UNSUPPORTED),
        BadRequest.send(
            "DELETE on tags list",
            "DELETE",
            "/v2/a/tags/list",
            Map.of(),
            null,
            405,
            ErrorCode.UNSUPPORTED),
        BadRequest.send(
            "POST on referrers",
            "POST",
            "/v2/a/referrers/" + DIGEST,
            Map.of(),
            null,
            405,
            ErrorCode.UNSUPPORTED),
        BadRequest.send(
            "GET on the upload start",
            "GET",
            "/v2/a/blobs/uploads/",
            Map.of(),
            null,
            405,
            ErrorCode.UNSUPPORTED),
        BadRequest.send(
            "OPTIONS on version check",
            "OPTIONS",
            "/v2/",
            Map.of(),
            null,
            405,
            ErrorCode.UNSUPPORTED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void answersWithTheSpecErrorCode(BadRequest bad) throws Exception {
    bad.assertAnsweredBy(http);
  }

  private static BadRequest manifest(String why, String body, String contentType) {
    return new BadRequest(
        why,
        "PUT",
        "/v2/a/manifests/t",
        contentType == null ? Map.of() : Map.of("Content-Type", contentType),
        body.getBytes(StandardCharsets.UTF_8),
        400,
        ErrorCode.MANIFEST_INVALID);
  }
}
