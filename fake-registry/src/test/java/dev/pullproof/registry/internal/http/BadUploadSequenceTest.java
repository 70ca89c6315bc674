package dev.pullproof.registry.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.RawHttp;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.ErrorCode;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Blob upload sequences in the wrong order or with wrong data: each case starts a fresh session in
 * repository {@code a} ({@code {L}} in a path is its Location, {@code {id}} its UUID), runs its
 * steps, and the last step's answer must be the spec's status, code and JSON error body. Earlier
 * steps must succeed, so a case fails if its setup does.
 */
class BadUploadSequenceTest {
  private static final byte[] FIVE = {1, 2, 3, 4, 5};
  private static final byte[] TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  private static final String WRONG = "sha256:" + "1".repeat(64);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static FakeRegistry registry;
  private static RawHttp http;

  record Step(String method, String path, Map<String, String> headers, byte[] body) {}

  record Sequence(String why, List<Step> steps, int status, ErrorCode code) {
    @Override
    public String toString() {
      return why;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    registry = FakeRegistry.builder().start();
    http = new RawHttp(registry);
    // Repository "src" holds FIVE, for mounts.
    BadRequest.seedBlob(http, "src", FIVE);
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  static Stream<Sequence> sequences() {
    String sha512OfFive = "sha512:" + "a".repeat(128);
    return Stream.of(
        bad(
            "PATCH without POST",
            404,
            ErrorCode.BLOB_UPLOAD_UNKNOWN,
            step("PATCH", "/v2/a/blobs/uploads/never-started", FIVE)),
        bad(
            "PUT to an unknown upload UUID",
            404,
            ErrorCode.BLOB_UPLOAD_UNKNOWN,
            step("PUT", "/v2/a/blobs/uploads/never-started?digest=" + Digest.sha256(FIVE), FIVE)),
        bad(
            "status of an unknown upload UUID",
            404,
            ErrorCode.BLOB_UPLOAD_UNKNOWN,
            step("GET", "/v2/a/blobs/uploads/4f1c2b9e-0000-4000-8000-000000000000", null)),
        bad(
            "cancel of an unknown upload UUID",
            404,
            ErrorCode.BLOB_UPLOAD_UNKNOWN,
            step("DELETE", "/v2/a/blobs/uploads/never-started", null)),
        bad(
            "upload id over 128 characters",
            404,
            ErrorCode.BLOB_UPLOAD_UNKNOWN,
            step("PATCH", "/v2/a/blobs/uploads/" + "u".repeat(129), FIVE)),
        bad(
            "session of repository a used on repository b",
            404,
            ErrorCode.BLOB_UPLOAD_UNKNOWN,
            step("PATCH", "/v2/b/blobs/uploads/{id}", FIVE)),
        bad(
            "session finished on another repository",
            404,
            ErrorCode.BLOB_UPLOAD_UNKNOWN,
            step("PUT", "/v2/b/blobs/uploads/{id}?digest=" + Digest.sha256(new byte[0]), null)),
        bad(
            "PUT with a digest of other content",
            400,
            ErrorCode.DIGEST_INVALID,
            step("PATCH", "{L}", FIVE),
            step("PUT", "{L}?digest=" + WRONG, null)),
        bad(
            "PUT with a malformed digest",
            400,
            ErrorCode.DIGEST_INVALID,
            step("PATCH", "{L}", FIVE),
            step("PUT", "{L}?digest=sha256:xyz", null)),
        bad(
            "PUT with an unsupported algorithm",
            400,
            ErrorCode.DIGEST_INVALID,
            step("PATCH", "{L}", FIVE),
            step("PUT", "{L}?digest=md5:" + "0".repeat(32), null)),
        bad(
            "PUT with a well-formed sha512 of other content",
            400,
            ErrorCode.DIGEST_INVALID,
            step("PATCH", "{L}", FIVE),
            step("PUT", "{L}?digest=" + sha512OfFive, null)),
        bad(
            "PUT with an empty digest",
            400,
            ErrorCode.DIGEST_INVALID,
            step("PUT", "{L}?digest=", FIVE)),
        bad(
            "PUT whose final chunk changes the digest",
            400,
            ErrorCode.DIGEST_INVALID,
            step("PATCH", "{L}", FIVE),
            step("PUT", "{L}?digest=" + Digest.sha256(FIVE), FIVE)),
        bad(
            "Content-Range skips ahead",
            416,
            ErrorCode.RANGE_INVALID,
            step("PATCH", "{L}", Map.of("Content-Range", "0-4"), FIVE),
            step("PATCH", "{L}", Map.of("Content-Range", "10-14"), FIVE)),
        bad(
            "Content-Range repeats a chunk",
            416,
            ErrorCode.RANGE_INVALID,
            step("PATCH", "{L}", Map.of("Content-Range", "0-4"), FIVE),
            step("PATCH", "{L}", Map.of("Content-Range", "0-4"), FIVE)),
        bad(
            "Content-Range overlaps the previous chunk",
            416,
            ErrorCode.RANGE_INVALID,
            step("PATCH", "{L}", Map.of("Content-Range", "0-4"), FIVE),
            step("PATCH", "{L}", Map.of("Content-Range", "3-7"), FIVE)),
        bad(
            "Content-Range ends before it starts",
            416,
            ErrorCode.RANGE_INVALID,
            step("PATCH", "{L}", Map.of("Content-Range", "0-4"), FIVE),
            step("PATCH", "{L}", Map.of("Content-Range", "5-2"), FIVE)),
        bad(
            "Content-Range with a negative end",
            416,
            ErrorCode.RANGE_INVALID,
            step("PATCH", "{L}", Map.of("Content-Range", "0--1"), FIVE)),
        bad(
            "Content-Range without an end",
            416,
            ErrorCode.RANGE_INVALID,
            step("PATCH", "{L}", Map.of("Content-Range", "0-"), FIVE)),
        bad(
            "Content-Range in the Range syntax",
            416,
            ErrorCode.RANGE_INVALID,
            step("PATCH", "{L}", Map.of("Content-Range", "bytes=0-4"), FIVE)),
        bad(
            "Content-Range end past the number",
            416,
            ErrorCode.RANGE_INVALID,
            step("PATCH", "{L}", Map.of("Content-Range", "0-99999999999999999999"), FIVE)),
        bad(
            "Content-Range longer than the chunk",
            400,
            ErrorCode.SIZE_INVALID,
            step("PATCH", "{L}", Map.of("Content-Range", "0-9"), FIVE)),
        bad(
            "Content-Range shorter than the chunk",
            400,
            ErrorCode.SIZE_INVALID,
            step("PATCH", "{L}", Map.of("Content-Range", "0-4"), TEN)),
        bad(
            "PATCH after the upload completed",
            404,
            ErrorCode.BLOB_UPLOAD_UNKNOWN,
            step("PUT", "{L}?digest=" + Digest.sha256(FIVE), FIVE),
            step("PATCH", "{L}", FIVE)),
        bad(
            "PUT twice",
            404,
            ErrorCode.BLOB_UPLOAD_UNKNOWN,
            step("PUT", "{L}?digest=" + Digest.sha256(FIVE), FIVE),
            step("PUT", "{L}?digest=" + Digest.sha256(FIVE), FIVE)),
        bad(
            "PATCH after the upload was cancelled",
            404,
            ErrorCode.BLOB_UPLOAD_UNKNOWN,
            step("DELETE", "{L}", null),
            step("PATCH", "{L}", FIVE)),
        bad(
            "cancel twice",
            404,
            ErrorCode.BLOB_UPLOAD_UNKNOWN,
            step("DELETE", "{L}", null),
            step("DELETE", "{L}", null)),
        bad(
            "retry after a PUT with the wrong digest ended the session",
            404,
            ErrorCode.BLOB_UPLOAD_UNKNOWN,
            step("PATCH", "{L}", FIVE),
            expectFailure(step("PUT", "{L}?digest=" + WRONG, null)),
            step("PUT", "{L}?digest=" + Digest.sha256(FIVE), null)),
        bad(
            "monolithic POST with a digest of other content",
            400,
            ErrorCode.DIGEST_INVALID,
            step("POST", "/v2/a/blobs/uploads/?digest=" + WRONG, FIVE)),
        bad(
            "monolithic POST with an empty digest",
            400,
            ErrorCode.DIGEST_INVALID,
            step("POST", "/v2/a/blobs/uploads/?digest=", FIVE)),
        bad(
            "upload to an invalid repository name",
            400,
            ErrorCode.NAME_INVALID,
            step("POST", "/v2/A/blobs/uploads/", null)),
        bad(
            "mount from a repository name that is invalid",
            400,
            ErrorCode.NAME_INVALID,
            step("POST", "/v2/a/blobs/uploads/?mount=" + Digest.sha256(FIVE) + "&from=..", null)),
        bad(
            "mount of a malformed digest",
            400,
            ErrorCode.DIGEST_INVALID,
            step("POST", "/v2/a/blobs/uploads/?mount=sha256:&from=src", null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sequences")
  void lastStepGetsTheSpecError(Sequence sequence) throws Exception {
    RawHttp.Response started = http.send("POST", "/v2/a/blobs/uploads/", Map.of(), null);
    String location = started.header("Location");
    String id = started.header("Docker-Upload-UUID");
    RawHttp.Response last = null;
    List<Step> steps = sequence.steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      String path = step.path().replace("{L}", location).replace("{id}", id);
      last = http.send(step.method(), path, step.headers(), step.body());
      boolean isLast = i == steps.size() - 1;
      if (!isLast && !step.headers().containsKey(EXPECT_FAILURE)) {
        assertThat(last.status())
            .as(sequence.why() + ": setup step " + i + ": " + last.text())
            .isLessThan(300);
      }
    }
    assertThat(last.status()).as(sequence.why() + ": " + last.text()).isEqualTo(sequence.status());
    JsonNode error = JSON.readTree(last.body()).path("errors").path(0);
    assertThat(error.path("code").asText()).as(sequence.why()).isEqualTo(sequence.code().name());
    assertThat(error.path("message").asText()).isNotBlank();
    assertThat(last.text()).doesNotContain("Exception");
  }

  /** The spec: a mount the registry cannot do falls back to an upload session (202), no error. */
  @Test
  void mountFromAMissingRepositoryFallsBackToAnUpload() throws Exception {
    RawHttp.Response r =
        http.send(
            "POST",
            "/v2/a/blobs/uploads/?mount=" + Digest.sha256(FIVE) + "&from=missing",
            Map.of(),
            null);

    assertThat(r.status()).isEqualTo(202);
    assertThat(r.header("Location")).startsWith("/v2/a/blobs/uploads/");
  }

  @Test
  void mountOfABlobTheSourceLacksFallsBackToAnUpload() throws Exception {
    String other = "sha256:" + HexFormat.of().formatHex(new byte[32]);
    RawHttp.Response r =
        http.send("POST", "/v2/a/blobs/uploads/?mount=" + other + "&from=src", Map.of(), null);

    assertThat(r.status()).isEqualTo(202);
    assertThat(r.header("Location")).startsWith("/v2/a/blobs/uploads/");
  }

  private static final String EXPECT_FAILURE = "X-Test-Expect-Failure";

  private static Step expectFailure(Step step) {
    return new Step(step.method(), step.path(), Map.of(EXPECT_FAILURE, "1"), step.body());
  }

  private static Sequence bad(String why, int status, ErrorCode code, Step... steps) {
    return new Sequence(why, List.of(steps), status, code);
  }

  private static Step step(String method, String path, byte[] body) {
    return new Step(method, path, Map.of(), body);
  }

  private static Step step(String method, String path, Map<String, String> headers, byte[] body) {
    return new Step(method, path, headers, body);
  }
}
