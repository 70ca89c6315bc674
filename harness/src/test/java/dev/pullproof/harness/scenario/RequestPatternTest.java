package dev.pullproof.harness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.registry.protocol.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scenario's request patterns read, print, fail and match exactly as the fake registry's own
 * journal patterns do (whose examples are in the registry's JournalTest).
 */
class RequestPatternTest {
  private record Request(String method, String path, String query, int status) {}

  /** The requests every pattern is tried against. */
  private static final List<Request> REQUESTS =
      List.of(
          new Request("GET", "/v2/library/app/blobs/sha256:abc", "", 200),
          new Request(
              "HEAD", "/v2/library/app/manifests/1.0", "ns=registry.corp.example%3A5000", 200),
          new Request("HEAD", "/v2/library/app/manifests/1.0", "", 404),
          new Request("GET", "/v2/app/blobs/sha256:a", "ns=docker.io", 200),
          new Request("POST", "/token", "", 401),
          new Request("GET", "/v2/", "", 0));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /v2/ -> 401",
        "GET /v2/library/app/blobs/* -> 200",
        "get /v2/*/blobs/*",
        "* /v2/* -> *",
        "HEAD /v2/* -> 200",
        "GET /v2/* -> 404",
        "* * -> *",
        "HEAD /v2/*/manifests/1.0?ns=* -> 200",
        "HEAD *?ns=registry.corp.example:5000",
        "HEAD *?ns=registry.corp.example%3A5000",
        "HEAD *?ns=docker.io",
        "HEAD *?ns=*",
        "HEAD *?",
        "GET /v2/app/blobs/*?ns=* -> 200",
        "POST /token->401",
        "GET /v2/ -> 0",
        "GET",
        "GET /v2/ extra",
        "GET v2/ -> 200",
        "GET /v2/ -> ok",
        " -> 200",
        ""
      })
  void parsesPrintsFailsAndMatchesAsTheRegistrysPatternDoes(String text) {
    Throwable ours = catchThrowable(() -> RequestPattern.parse(text));
    Throwable registrys =
        catchThrowable(() -> dev.pullproof.registry.journal.RequestPattern.parse(text));
    if (registrys != null) {
      assertThat(ours).isNotNull().hasMessage(registrys.getMessage());
      return;
    }
    assertThat(ours).isNull();
    RequestPattern pattern = RequestPattern.parse(text);
    var reference = dev.pullproof.registry.journal.RequestPattern.parse(text);
    assertThat(pattern.toString()).isEqualTo(reference.toString());
    for (Request r : REQUESTS) {
      assertThat(pattern.matches(r.method(), r.path(), r.query(), r.status()))
          .as("%s against %s", text, r)
          .isEqualTo(reference.matches(entry(r)));
    }
  }

  private static JournalEntry entry(Request r) {
    return new JournalEntry(
        1,
        Instant.EPOCH,
        "127.0.0.1:4000",
        "r.test",
        r.method(),
        r.path(),
        r.query(),
        r.status(),
        0,
        0,
        Duration.ZERO,
        "base",
        null,
        null,
        Principal.ANONYMOUS,
        null,
        null,
        null,
        null);
  }
}
