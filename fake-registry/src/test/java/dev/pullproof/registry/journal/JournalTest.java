package dev.pullproof.registry.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.registry.protocol.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalTest {
  private final Journal journal = new Journal();

  @Test
  void patternsMatchMethodPathGlobAndStatus() {
    JournalEntry e = entry("GET", "/v2/library/app/blobs/sha256:abc", 200);
    assertThat(RequestPattern.parse("GET /v2/library/app/blobs/* -> 200").matches(e)).isTrue();
    assertThat(RequestPattern.parse("GET /v2/*/blobs/*").matches(e)).isTrue();
    assertThat(RequestPattern.parse("* /v2/* -> *").matches(e)).isTrue();
    assertThat(RequestPattern.parse("HEAD /v2/* -> 200").matches(e)).isFalse();
    assertThat(RequestPattern.parse("GET /v2/* -> 404").matches(e)).isFalse();
  }

  @Test
  void aQueryGlobMatchesTheWholeQueryAsSentOrDecoded() {
    JournalEntry mirror =
        entry("HEAD", "/v2/library/app/manifests/1.0", "ns=registry.corp.example%3A5000", 200);
    JournalEntry upstream = entry("HEAD", "/v2/library/app/manifests/1.0", 200);
    assertThat(RequestPattern.parse("HEAD /v2/*/manifests/1.0?ns=* -> 200").matches(mirror))
        .isTrue();
    assertThat(RequestPattern.parse("HEAD *?ns=registry.corp.example:5000").matches(mirror))
        .isTrue();
    assertThat(RequestPattern.parse("HEAD *?ns=registry.corp.example%3A5000").matches(mirror))
        .isTrue();
    assertThat(RequestPattern.parse("HEAD *?ns=docker.io").matches(mirror)).isFalse();
    assertThat(RequestPattern.parse("HEAD *?ns=*").matches(upstream)).isFalse();
    assertThat(RequestPattern.parse("HEAD *?").matches(upstream)).isTrue();
    assertThat(RequestPattern.parse("HEAD *?").matches(mirror)).isFalse();
  }

  @Test
  void withoutAQuestionMarkTheQueryIsNotLookedAt() {
    JournalEntry mirror = entry("GET", "/v2/app/blobs/sha256:a", "ns=docker.io", 200);
    assertThat(RequestPattern.parse("GET /v2/app/blobs/* -> 200").matches(mirror)).isTrue();
    assertThat(RequestPattern.parse("GET /v2/app/blobs/*?ns=* -> 200").toString())
        .isEqualTo("GET /v2/app/blobs/*?ns=* -> 200");
  }

  @Test
  void malformedPatternsSayWhatIsExpected() {
    assertThatThrownBy(() -> RequestPattern.parse("GET"))
        .hasMessageContaining("expected 'METHOD PATH'");
    assertThatThrownBy(() -> RequestPattern.parse("GET v2/ -> 200"))
        .hasMessageContaining("path must start with /");
    assertThatThrownBy(() -> RequestPattern.parse("GET /v2/ -> ok"))
        .hasMessageContaining("status must be a number");
  }

  @Test
  void failedAssertionShowsExpectedPatternAndNearestRequests() {
    journal.record(entry("GET", "/v2/", 401));
    journal.record(entry("GET", "/token", 200));
    journal.record(entry("GET", "/v2/library/app/manifests/1.0", 404));
    assertThatThrownBy(() -> journal.assertRequested("GET /v2/library/app/manifests/1.0 -> 200"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "expected a request matching 'GET /v2/library/app/manifests/1.0 -> 200'\n"
                + "  nearest of 3 requests:\n"
                + "  #3 GET /v2/library/app/manifests/1.0 -> 404");
  }

  @Test
  void countAssertionReportsActualCount() {
    journal.record(entry("GET", "/v2/", 401));
    journal.record(entry("GET", "/v2/", 200));
    journal.assertRequested("GET /v2/", 2);
    assertThatThrownBy(() -> journal.assertRequested("GET /v2/ -> 401", 2))
        .hasMessageContaining("expected 2 request(s), saw 1");
    assertThatThrownBy(() -> journal.assertNotRequested("GET /v2/ -> 200"))
        .hasMessageContaining("#2 GET /v2/ -> 200");
  }

  @Test
  void emptyJournalSaysNoRequestsWereMade() {
    assertThatThrownBy(() -> journal.assertRequested("GET /v2/"))
        .hasMessageContaining("no requests were made at all");
  }

  @Test
  void takeRequestReturnsEntriesInOrderAndNullOnTimeout() throws Exception {
    journal.record(entry("GET", "/a", 200));
    journal.record(entry("GET", "/b", 200));
    assertThat(journal.takeRequest(Duration.ofMillis(10)).path()).isEqualTo("/a");
    assertThat(journal.takeRequest(Duration.ofMillis(10)).path()).isEqualTo("/b");
    assertThat(journal.takeRequest(Duration.ofMillis(10))).isNull();
  }

  @Test
  void jsonExportCarriesCredentialsWithoutSecrets() {
    journal.record(
        new JournalEntry(
            1,
            Instant.EPOCH,
            "127.0.0.1:1",
            "h",
            "GET",
            "/v2/",
            "",
            200,
            0,
            2,
            Duration.ofMillis(1),
            "base",
            null,
            null,
            new Principal("bearer", "alice", List.of("repository:app:pull")),
            "",
            "skopeo",
            null));
    String json = JournalJson.toJson(journal.all());
    assertThat(json)
        .contains("\"scheme\" : \"bearer\"")
        .contains("\"identity\" : \"alice\"")
        .contains("repository:app:pull");
  }

  private JournalEntry entry(String method, String path, int status) {
    return entry(method, path, "", status);
  }

  private JournalEntry entry(String method, String path, String query, int status) {
    return new JournalEntry(
        journal.begin(),
        Instant.EPOCH,
        "127.0.0.1:1",
        "h",
        method,
        path,
        query,
        status,
        0,
        0,
        Duration.ZERO,
        "x",
        null,
        null,
        Principal.ANONYMOUS,
        "",
        "",
        null);
  }
}
