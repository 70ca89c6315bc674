package dev.pullproof.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cause classes over containerd's real messages, copied from docs/failure-catalogue.md. */
class CauseTest {
  private record Entry(String expected, String error) {}

  @Test
  void everyMessageContainerdPrintedInTheCatalogueGetsItsClass() throws IOException {
    List<Entry> entries = entries();
    assertThat(entries).hasSizeGreaterThan(50);
    for (Entry e : entries) {
      assertThat(Cause.of(e.error())).as(e.error()).isEqualTo(e.expected());
    }
  }

  @Test
  void theCatalogueNeedsNoGenericClass() throws IOException {
    assertThat(entries()).noneMatch(e -> e.expected().equals(Cause.OTHER));
  }

  @Test
  void aMessageNoPatternKnowsGetsTheGenericClassNotAGuess() {
    assertThat(Cause.of("synthetic: something no containerd said")).isEqualTo(Cause.OTHER);
    assertThat(Cause.of("")).isEqualTo(Cause.OTHER);
  }

  @Test
  void ctrsClientLogDoesNotDecideTheClass() {
    String error =
        "time=\"2026-11-27T23:35:12Z\" level=info msg=\"trying next host\" error=\"failed to do"
            + " request: Head \\\"http://127.0.0.2:5000/v2/a/manifests/1\\\": dial tcp"
            + " 127.0.0.2:5000: connect: connection refused\" host=\"127.0.0.2:5000\"\n"
            + "ctr: failed to resolve reference \"127.0.0.3:5000/a:1\": pull access denied,"
            + " repository does not exist or may require authorization: authorization failed: no"
            + " basic auth credentials";
    assertThat(Cause.of(error)).isEqualTo("401 no credentials");
  }

  @Test
  void ourCriClientsDeadlineIsAHang() {
    // CriCallException.rpcError() spells grpc-java's DEADLINE_EXCEEDED as gRPC-Go does.
    assertThat(Cause.of("rpc error: code = DeadlineExceeded desc = deadline exceeded after 9.9s"))
        .isEqualTo("hung to deadline");
  }

  private static List<Entry> entries() throws IOException {
    try (InputStream in = CauseTest.class.getResourceAsStream("/report/containerd-errors.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .map(
              l ->
                  new Entry(
                      l.substring(0, l.indexOf('\t')), unescape(l.substring(l.indexOf('\t') + 1))))
          .toList();
    }
  }

  /** {@code \n} is a line break and {@code \\} a backslash; nothing else is escaped. */
  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char next = s.charAt(++i);
        out.append(next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
