package dev.pullproof.registry.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of hostile HTTP/1.1 requests: request lines, header lines and bodies. */
final class HostileInput {
  /** How a body is framed; each sends exactly the bytes it declares or stops short and EOFs. */
  enum Framing {
    NONE,
    LENGTH,
    SHORT,
    CONFLICTING_LENGTHS,
    BAD_LENGTH,
    CHUNKED,
    BAD_CHUNKED
  }

  /** How many Host lines a request carries, and what they hold. */
  enum HostLines {
    ONE("Host: 127.0.0.1\r\n"),
    NONE(""),
    SEVERAL("Host: 127.0.0.1\r\nHost: 127.0.0.2\r\n"),
    BAD_PORT("Host: 127.0.0.1:99999\r\n"),
    BAD_CHARACTERS("Host: a b\r\n");

    private final String lines;

    HostLines(String lines) {
      this.lines = lines;
    }
  }

  /** One request: its bytes and whether it is a HEAD (whose answer has no body). */
  record Request(String line, HostLines host, List<String> headers, Framing framing, byte[] body) {
    boolean head() {
      return line.startsWith("HEAD ");
    }

    /**
     * Whether the server may close without an answer: Undertow's chunk decoder closes the
     * connection on malformed framing, and a request its Host check refuses (no Host, several, a
     * malformed one, or an absolute target naming another host) is closed on when the rest of its
     * body cannot be read (cut short, or chunked on a connection not kept alive, whose reading side
     * Undertow has shut). Either is journaled as unanswered (status 0).
     */
    boolean mayGoUnanswered() {
      boolean hostRefused = host != HostLines.ONE || line.contains("http://");
      return framing == Framing.BAD_CHUNKED
          || (hostRefused && (framing == Framing.SHORT || framing == Framing.CHUNKED));
    }

    byte[] bytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      // A header follows the Host lines so that a generated folded line continues that one.
      StringBuilder head =
          new StringBuilder(line)
              .append("\r\n")
              .append(host.lines)
              .append("X-Pullproof-Probe: 1\r\n");
      headers.forEach(h -> head.append(h).append("\r\n"));
      head.append(framingHeaders()).append("\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(framedBody());
      return out.toByteArray();
    }

    private String framingHeaders() {
      return switch (framing) {
        case NONE -> "";
        case LENGTH -> "Content-Length: " + body.length + "\r\n";
        case SHORT -> "Content-Length: " + (body.length + 100) + "\r\n";
        case CONFLICTING_LENGTHS ->
            "Content-Length: " + body.length + "\r\nContent-Length: " + (body.length + 1) + "\r\n";
        case BAD_LENGTH -> "Content-Length: -" + body.length + "x\r\n";
        case CHUNKED, BAD_CHUNKED -> "Transfer-Encoding: chunked\r\n";
      };
    }

    private byte[] framedBody() {
      return switch (framing) {
        case NONE, BAD_LENGTH, CONFLICTING_LENGTHS -> new byte[0];
        case LENGTH, SHORT -> body;
        case CHUNKED -> chunk(Integer.toHexString(body.length), "0\r\n\r\n");
        case BAD_CHUNKED -> chunk("zz" + body.length, "");
      };
    }

    private byte[] chunk(String size, String end) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes((size + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(body);
      out.writeBytes(("\r\n" + end).getBytes(StandardCharsets.ISO_8859_1));
      return out.toByteArray();
    }

    @Override
    public String toString() {
      return line
          + " "
          + host
          + " "
          + headers.stream().map(h -> h.length() > 80 ? h.substring(0, 80) : h).toList()
          + " "
          + framing
          + " "
          + body.length
          + " body bytes";
    }
  }

  private HostileInput() {}

  static Arbitrary<Request> requests() {
    Arbitrary<HostLines> host =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.just(HostLines.ONE)),
            net.jqwik.api.Tuple.of(4, Arbitraries.of(HostLines.class)));
    return Combinators.combine(
            requestLines(),
            host,
            headerLines().list().ofMaxSize(6),
            Arbitraries.of(Framing.class),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(3000))
        .as(Request::new);
  }

  static Arbitrary<String> requestLines() {
    Arbitrary<String> method =
        Arbitraries.oneOf(
            Arbitraries.of("GET", "HEAD", "PUT", "POST", "PATCH", "DELETE", "OPTIONS", "TRACE"),
            Arbitraries.of("get", "G\tET", "CONNECT", "X".repeat(300), "GET\u0000", "PRI"));
    Arbitrary<String> version =
        Arbitraries.of(" HTTP/1.1", " HTTP/1.0", " HTTP/2.0", " HTTP/1.1 x", "", " HTTP/1.1\t");
    return Combinators.combine(method, Arbitraries.of(" ", "  ", "\t"), targets(), version)
        .as((m, sp, t, v) -> m + sp + t + v);
  }

  private static Arbitrary<String> targets() {
    Arbitrary<String> known =
        Arbitraries.of(
            "/v2/",
            "/v2/a/manifests/latest",
            "/v2/a/manifests/sha256:" + "0".repeat(64),
            "/v2/a/blobs/sha256:" + "0".repeat(64),
            "/v2/a/blobs/uploads/",
            "/v2/a/blobs/uploads/?digest=sha256:zz",
            "/v2/a/blobs/uploads/?mount=sha256:zz&from=../b",
            "/v2/a/blobs/uploads/0000",
            "/v2/a/tags/list?n=-1&last=%ff",
            "/v2/_catalog?n=99999999999999999999",
            "/v2/a/referrers/sha256:" + "0".repeat(64) + "?artifactType=%00",
            "/token?scope=repository:a:pull&service=%",
            "*",
            "http://evil.test/v2/",
            "/v2/%00/manifests/x",
            "/v2/../../etc/passwd",
            "/v2/a/manifests/" + "t".repeat(3000),
            "/" + "%".repeat(50));
    Arbitrary<String> random =
        Arbitraries.strings()
            .withChars("/v2abcXYZ019._-~:@!$&'()*+,;=%?#\u00e9\u007f")
            .ofMaxLength(60)
            .map(s -> "/" + s);
    return Arbitraries.oneOf(known, random);
  }

  static Arbitrary<String> headerLines() {
    Arbitrary<String> name =
        Arbitraries.of(
            "Accept",
            "Authorization",
            "Range",
            "Content-Range",
            "Content-Type",
            "Expect",
            "Connection",
            "Docker-Content-Digest",
            "X-Forwarded-For");
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.of(
                ";",
                ",,,",
                "",
                " ",
                "\t",
                "Bearer",
                "Bearer a.b.c",
                "Basic !!!",
                "Basic YQ==",
                "bytes=-",
                "bytes=0-0,1-1",
                "0-",
                "-1",
                "100-continue",
                "upgrade, h2c",
                "application/json;;;",
                "*/*;q=abc",
                ";q=",
                "\u00e9\u00ff",
                "\u0000",
                "\u007f",
                "x".repeat(9000),
                "x".repeat(70_000)),
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40));
    Arbitrary<String> header = Combinators.combine(name, value).as((n, v) -> n + ": " + v);
    Arbitrary<String> malformed =
        Arbitraries.of("NoColon", ": no name", "Bad Name: x", " folded", "X-A:\u0001", "\u00e9: x");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, header), net.jqwik.api.Tuple.of(1, malformed));
  }
}
