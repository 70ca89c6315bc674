package dev.pullproof.harness.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.harness.run.Outcome;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.registry.protocol.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The harness's record of one request: its summary line and what it refuses to hold. */
class HostRequestTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static HostRequest request(
      String host, long sequence, String query, String errorCode, HostRequest.Principal who) {
    return new HostRequest(
        host,
        sequence,
        T0.plusMillis(sequence),
        "GET",
        "/v2/library/app/manifests/1.0",
        query,
        401,
        errorCode,
        errorCode == null ? null : "denied",
        who,
        Duration.ofMillis(3),
        "manifest");
  }

  @Test
  void theSummaryNamesSequenceRequestStatusCodePrincipalAndFaultAsTheRegistrysJournalDoes() {
    String expected =
        "#12 GET /v2/library/app/manifests/1.0?ns=docker.io -> 401 UNAUTHORIZED [basic alice]"
            + " (fault: denied)";
    HostRequest.Principal alice = new HostRequest.Principal("basic", "alice");
    assertThat(request("hub", 12, "ns=docker.io", "UNAUTHORIZED", alice).summary())
        .isEqualTo(expected);
    assertThat(
            new JournalEntry(
                    12,
                    T0,
                    "127.0.0.1:4000",
                    "r.test",
                    "GET",
                    "/v2/library/app/manifests/1.0",
                    "ns=docker.io",
                    401,
                    0,
                    0,
                    Duration.ZERO,
                    "manifest",
                    "library/app",
                    "UNAUTHORIZED",
                    new Principal("basic", "alice", List.of("repository:library/app:pull")),
                    null,
                    null,
                    "denied",
                    null)
                .summary())
        .isEqualTo(expected);
  }

  @Test
  void anAnonymousRequestWithoutQueryCodeOrFaultSummarisesAsItsRequestLine() {
    assertThat(request("hub", 1, null, null, null).summary())
        .isEqualTo("#1 GET /v2/library/app/manifests/1.0 -> 401");
  }

  @Test
  void aRequestNeedsItsHostAndASequenceFromOne() {
    assertThatThrownBy(() -> request(" ", 1, "", null, null)).hasMessageContaining("host");
    assertThatThrownBy(() -> request("hub", 0, "", null, null)).hasMessageContaining("sequence");
  }

  @Test
  void anOutcomeRefusesARequestListedUnderAnotherHost() {
    Map<String, List<HostRequest>> journals =
        Map.of("mirror", List.of(request("hub", 1, "", null, null)));
    assertThatThrownBy(
            () ->
                new Outcome(
                    "",
                    Optional.empty(),
                    List.of(),
                    journals,
                    "",
                    List.of(),
                    Optional.empty(),
                    T0,
                    Duration.ZERO))
        .hasMessageContaining("of hub is listed under mirror");
  }
}
