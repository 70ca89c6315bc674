package dev.pullproof.registry.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.protocol.Principal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            null,
            null));
    String json = JournalJson.toJson(journal.all());
    assertThat(json)
        .contains("\"scheme\" : \"bearer\"")
        .contains("\"identity\" : \"alice\"")
        .contains("repository:app:pull");
  }

  @Test
  void beyondItsCapacityTheJournalKeepsTheLatestAndCountsTheRest() {
    Journal small = new Journal(2, null);
    for (String path : List.of("/a", "/b", "/c")) {
      small.record(entry(small, "GET", path, 200));
    }
    assertThat(small.all()).extracting(JournalEntry::path).containsExactly("/b", "/c");
    assertThat(small.recorded()).isEqualTo(3);
    assertThat(small.notKept()).isEqualTo(1);
    assertThat(small.summary())
        .isEqualTo(
            "3 requests journaled, 2 kept in memory (capacity 2), 1 earlier ones not kept and not"
                + " written anywhere (configure a journal file to keep them)");
    assertThatThrownBy(() -> small.assertRequested("GET /a"))
        .hasMessageContaining("1 earlier ones not kept");
  }

  @Test
  void aJournalFileHoldsEveryEntryHoweverFewAreKept(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("journal.json");
    Journal small = new Journal(1, JournalFile.create(path));
    for (String path2 : List.of("/a", "/b", "/c")) {
      small.record(entry(small, "GET", path2, 200));
    }
    small.file().close();
    JsonNode written = new ObjectMapper().readTree(path.toFile());
    assertThat(written).extracting(n -> n.path("path").asText()).containsExactly("/a", "/b", "/c");
    assertThat(small.all()).hasSize(1);
    assertThat(small.summary()).endsWith("2 earlier ones not kept: every one is in " + path);
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    assertThatThrownBy(() -> new Journal(0, null)).hasMessageContaining("at least 1, got 0");
  }

  private JournalEntry entry(String method, String path, int status) {
    return entry(journal, method, path, "", status);
  }

  private JournalEntry entry(String method, String path, String query, int status) {
    return entry(journal, method, path, query, status);
  }

  private static JournalEntry entry(Journal into, String method, String path, int status) {
    return entry(into, method, path, "", status);
  }

  private static JournalEntry entry(
      Journal into, String method, String path, String query, int status) {
    return new JournalEntry(
        into.begin(),
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
        null,
        null);
  }
}
