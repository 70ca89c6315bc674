package dev.pullproof.registry.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The recorder's HTTP client: sends one request as given (no redirect followed, no auth added) and
 * keeps the answer's body in a file beside the recording while taking its digest, so a large blob
 * never sits on the heap.
 */
final class Fetcher {
  /** Headers of one connection, not of the exchange: never forwarded nor recorded. */
  static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "transfer-encoding",
          "te",
          "trailer",
          "upgrade",
          "proxy-authenticate",
          "proxy-authorization",
          "host",
          "content-length",
          "expect",
          "http2-settings");

  private final HttpClient http;
  private final Path bodies;
  private final AtomicInteger temps = new AtomicInteger();

  /** What the upstream answered one request: the body waits in a file of the recording. */
  record Fetched(
      int status, List<RecordedExchange.Header> headers, Path file, long size, String digest) {}

  Fetcher(SSLContext trust, Path bodies) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER);
    if (trust != null) {
      builder.sslContext(trust);
    }
    this.http = builder.build();
    this.bodies = bodies;
  }

  /** Sends {@code request}; a {@code HEAD}'s answer has no body to read. */
  Fetched fetch(HttpRequest request, String method) throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    List<RecordedExchange.Header> headers = new ArrayList<>();
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!name.startsWith(":") && !HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))
                  || name.equalsIgnoreCase("content-length")) {
                values.forEach(v -> headers.add(new RecordedExchange.Header(name, v)));
              }
            });
    Path file = temporary("incoming");
    MessageDigest sha256 = sha256();
    long size;
    try (InputStream in = response.body();
        OutputStream os = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
      size = method.equals("HEAD") ? 0 : in.transferTo(os);
    }
    String digest = size == 0 ? "" : "sha256:" + HexFormat.of().formatHex(sha256.digest());
    return new Fetched(response.statusCode(), headers, file, size, digest);
  }

  /** A fresh file among the bodies, named with a dot so the recorder's cleanup finds it. */
  Path temporary(String kind) {
    return bodies.resolve("." + kind + "-" + temps.incrementAndGet());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
