package dev.pullproof.registry.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.RawHttp;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.ErrorCode;
import java.util.Map;

/** One malformed request of a bad-input corpus and the spec error it must get. */
record BadRequest(
    String why,
    String method,
    String path,
    Map<String, String> headers,
    byte[] body,
    int status,
    ErrorCode code) {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String toString() {
    return why;
  }

  static BadRequest get(String why, String path, int status, ErrorCode code) {
    return new BadRequest(why, "GET", path, Map.of(), null, status, code);
  }

  static BadRequest send(
      String why,
      String method,
      String path,
      Map<String, String> headers,
      byte[] body,
      int status,
      ErrorCode code) {
    return new BadRequest(why, method, path, headers, body, status, code);
  }

  /** A blob GET of {@code digest} in repository {@code a} with an unsatisfiable Range. */
  static BadRequest ranged(String why, Digest digest, String range) {
    return new BadRequest(
        why,
        "GET",
        "/v2/a/blobs/" + digest,
        Map.of("Range", range),
        null,
        416,
        ErrorCode.RANGE_INVALID);
  }

  /** Sends it and checks the status, and (but for HEAD) the JSON error body and its code. */
  void assertAnsweredBy(RawHttp http) throws Exception {
    RawHttp.Response r = http.send(method, path, headers, body);
    assertThat(r.status()).as(why + ": " + r.text()).isEqualTo(status);
    if (!method.equals("HEAD")) {
      assertThat(r.header("Content-Type")).as(why).startsWith("application/json");
      JsonNode error = JSON.readTree(r.body()).path("errors").path(0);
      assertThat(error.path("code").asText()).as(why).isEqualTo(code.name());
      assertThat(error.path("message").asText()).isNotBlank();
      assertThat(r.text()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  /** Uploads {@code blob} monolithically into {@code repository}: the corpora's fixture. */
  static void seedBlob(RawHttp http, String repository, byte[] blob) throws Exception {
    String path = "/v2/" + repository + "/blobs/uploads/?digest=" + Digest.sha256(blob);
    assertThat(http.send("POST", path, Map.of(), blob).status())
        .as("seeding " + path)
        .isEqualTo(201);
  }
}
