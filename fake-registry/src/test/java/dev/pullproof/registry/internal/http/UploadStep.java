package dev.pullproof.registry.internal.http;

import dev.pullproof.registry.protocol.Digest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One step of a generated upload sequence in repository {@code up}: a start, a chunk with an
 * arbitrary Content-Range and length, a close with a right, wrong or malformed digest, a status
 * query or a cancel, at the session the previous steps opened (or an unknown one).
 */
record UploadStep(String method, String query, String contentRange, byte[] body, int lengthSkew) {
  String path(String location) {
    String base = method.equals("POST") ? "/v2/up/blobs/uploads/" : location;
    if (query.isEmpty()) {
      return base;
    }
    return base + (base.contains("?") ? "&" : "?") + query;
  }

  byte[] bytes(String location) {
    StringBuilder head =
        new StringBuilder(method).append(' ').append(path(location)).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1\r\n");
    if (!contentRange.isEmpty()) {
      head.append("Content-Range: ").append(contentRange).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length + lengthSkew).append("\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return method + " ?" + query + " range=" + contentRange + " " + body.length + "+" + lengthSkew;
  }

  static Arbitrary<UploadStep> steps() {
    Arbitrary<byte[]> body = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
    Arbitrary<String> range =
        Arbitraries.oneOf(
            Arbitraries.of("", "0-", "-1", "abc", "5-3", "0-0", "bytes 0-9/*", "0-99999999999"),
            Combinators.combine(
                    Arbitraries.integers().between(0, 700), Arbitraries.integers().between(0, 700))
                .as((a, b) -> a + "-" + b));
    Arbitrary<String> digest =
        Arbitraries.of(
            "",
            "digest=sha256:" + "0".repeat(64),
            "digest=sha512:" + "0".repeat(128),
            "digest=md5:00",
            "digest=sha256:zz",
            "digest=" + Digest.sha256(new byte[0]),
            "digest=",
            "digest=a&digest=b");
    Arbitrary<String> start =
        Arbitraries.of(
            "",
            "digest-algorithm=sha512",
            "digest-algorithm=md5",
            "mount=sha256:" + "0".repeat(64) + "&from=a",
            "mount=zz&from=..",
            "digest=sha256:" + "0".repeat(64));
    Arbitrary<Integer> skew = Arbitraries.of(0, 0, 0, 50);
    return Arbitraries.oneOf(
        Combinators.combine(start, body, skew).as((q, b, s) -> new UploadStep("POST", q, "", b, s)),
        Combinators.combine(range, body, skew)
            .as((r, b, s) -> new UploadStep("PATCH", "", r, b, s)),
        Combinators.combine(digest, range, body, skew)
            .as((q, r, b, s) -> new UploadStep("PUT", q, r, b, s)),
        Arbitraries.of("GET", "HEAD", "DELETE")
            .map(m -> new UploadStep(m, "", "", new byte[0], 0)));
  }
}
