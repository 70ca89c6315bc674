package dev.pullproof.registry.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.RawHttp;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.registry.protocol.RepositoryName;
import dev.pullproof.testing.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When rules fire: which requests they match, which occurrences, which times, in what order. */
class RuleEngineTest {
  private FakeRegistry registry;

  @AfterEach
  void close() {
    if (registry != null) {
      registry.close();
    }
  }

  private RawHttp start(FaultRule... rules) {
    var builder = FakeRegistry.builder();
    for (FaultRule rule : rules) {
      builder.fault(rule);
    }
    registry = builder.start();
    return new RawHttp(registry);
  }

  private static List<Integer> statuses(RawHttp http, String method, String path, int times)
      throws IOException {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      out.add(http.send(method, path, Map.of(), null).status());
    }
    return out;
  }

  private static FaultRule.Builder versionCheck() {
    return FaultRule.builder().route(RouteKind.VERSION_CHECK).fault(Fault.status(503));
  }

  @Test
  void firstNFailsThenSucceeds() throws Exception {
    RawHttp http = start(versionCheck().first(2).build());
    assertThat(statuses(http, "GET", "/v2/", 4)).containsExactly(503, 503, 200, 200);
  }

  @Test
  void afterNSucceedsThenFails() throws Exception {
    RawHttp http = start(versionCheck().after(2).build());
    assertThat(statuses(http, "GET", "/v2/", 4)).containsExactly(200, 200, 503, 503);
  }

  @Test
  void everyKthFailsOnMultiplesOfK() throws Exception {
    RawHttp http = start(versionCheck().everyKth(3).build());
    assertThat(statuses(http, "GET", "/v2/", 7)).containsExactly(200, 200, 503, 200, 200, 503, 200);
  }

  @Test
  void aSequenceAppliesItsFaultsInTurn() throws Exception {
    RawHttp http =
        start(
            FaultRule.builder()
                .route(RouteKind.VERSION_CHECK)
                .first(3)
                .fault(Fault.status(503), Fault.status(429), Fault.none())
                .build());
    assertThat(statuses(http, "GET", "/v2/", 5)).containsExactly(503, 429, 200, 200, 200);
    registry.journal().awaitQuiet(Duration.ofSeconds(5));
    assertThat(registry.journal().all().stream().map(JournalEntry::fault))
        .containsExactly(
            "rule-1: status 503 UNAVAILABLE",
            "rule-1: status 429 TOOMANYREQUESTS",
            "rule-1: none",
            null,
            null);
  }

  @Test
  void aSeededChanceFiresTheSameWayForTheSameSeedAndRecordsIt() throws Exception {
    RawHttp http = start(versionCheck().chance(0.5, 42).build());
    List<Integer> first = statuses(http, "GET", "/v2/", 20);
    registry.close();
    http = start(versionCheck().chance(0.5, 42).build());
    List<Integer> second = statuses(http, "GET", "/v2/", 20);

    assertThat(second).isEqualTo(first).contains(200, 503);
    registry.journal().awaitQuiet(Duration.ofSeconds(5));
    assertThat(registry.journal().matching(e -> e.status() == 503))
        .allMatch(e -> e.fault().equals("rule-1: status 503 UNAVAILABLE [p=0.5 seed=42]"));
  }

  @Test
  void manifestHeadAndGetAreDifferentKinds() throws Exception {
    RawHttp http =
        start(FaultRule.builder().route(RouteKind.MANIFEST_HEAD).fault(Fault.status(503)).build());
    new ImagePublisher(registry.content())
        .publish(RepositoryName.of("library/app"), "1.0", ImageSpec.builder().layers(10).build());

    assertThat(statuses(http, "HEAD", "/v2/library/app/manifests/1.0", 1)).containsExactly(503);
    assertThat(statuses(http, "GET", "/v2/library/app/manifests/1.0", 1)).containsExactly(200);
  }

  @Test
  void repositoryGlobAndReferenceNarrowTheRule() throws Exception {
    RawHttp http =
        start(
            FaultRule.builder()
                .route(RouteKind.MANIFEST_GET)
                .repository("library/*")
                .reference("2.*")
                .fault(Fault.status(503))
                .build());
    ImagePublisher publisher = new ImagePublisher(registry.content());
    for (String repo : List.of("library/app", "team/app")) {
      for (String tag : List.of("1.0", "2.0")) {
        publisher.publish(RepositoryName.of(repo), tag, ImageSpec.builder().layers(10).build());
      }
    }

    assertThat(statuses(http, "GET", "/v2/library/app/manifests/2.0", 1)).containsExactly(503);
    assertThat(statuses(http, "GET", "/v2/library/app/manifests/1.0", 1)).containsExactly(200);
    assertThat(statuses(http, "GET", "/v2/team/app/manifests/2.0", 1)).containsExactly(200);
  }

  @Test
  void hostMatchesTheHostHeaderWithOrWithoutPort() throws Exception {
    RawHttp http = start(versionCheck().host("registry-1.docker.io").build());

    int hub =
        Probe.send(registry, "GET", "/v2/", Map.of("Host", "registry-1.docker.io:443"), 10_000)
            .status();
    int other = http.get("/v2/").status();

    assertThat(hub).isEqualTo(503);
    assertThat(other).isEqualTo(200);
  }

  @Test
  void aTimeWindowCountsFromTheRegistryStartOnItsClock() throws Exception {
    ManualClock clock = new ManualClock();
    registry =
        FakeRegistry.builder()
            .clock(clock)
            .fault(versionCheck().between(Duration.ofSeconds(2), Duration.ofSeconds(5)).build())
            .start();
    RawHttp http = new RawHttp(registry);
    List<Integer> seen = new ArrayList<>();
    for (int second = 0; second < 7; second++) {
      seen.add(http.get("/v2/").status());
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(seen).containsExactly(200, 200, 503, 503, 503, 200, 200);
  }

  @Test
  void anOpenEndedWindowAndASecondWindowBothApply() throws Exception {
    ManualClock clock = new ManualClock();
    registry =
        FakeRegistry.builder()
            .clock(clock)
            .fault(
                versionCheck()
                    .between(Duration.ZERO, Duration.ofSeconds(1))
                    .window(TimeWindow.from(Duration.ofSeconds(3)))
                    .build())
            .start();
    RawHttp http = new RawHttp(registry);
    List<Integer> seen = new ArrayList<>();
    for (int second = 0; second < 5; second++) {
      seen.add(http.get("/v2/").status());
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(seen).containsExactly(503, 200, 200, 503, 503);
  }

  @Test
  void rulesCanBeAddedAndRemovedWhileServing() throws Exception {
    RawHttp http = start();
    assertThat(http.get("/v2/").status()).isEqualTo(200);

    Faults.Handle handle = registry.faults().add(versionCheck().name("outage").build());
    assertThat(http.get("/v2/").status()).isEqualTo(503);
    assertThat(handle.fired()).isEqualTo(1);
    handle.remove();

    assertThat(http.get("/v2/").status()).isEqualTo(200);
    assertThat(registry.faults().rules()).isEmpty();
  }

  @Test
  void concurrentRequestsAreCountedExactly() throws Exception {
    start(versionCheck().first(10).build());
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        answers.add(pool.submit(() -> new RawHttp(registry).get("/v2/").status()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (var answer : answers) {
        statuses.add(answer.get());
      }
      assertThat(statuses).filteredOn(s -> s == 503).hasSize(10);
      assertThat(statuses).filteredOn(s -> s == 200).hasSize(30);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aStatusFaultCanCarryAnyCodeOfTheErrorTable() throws Exception {
    RawHttp http =
        start(
            FaultRule.builder()
                .route(RouteKind.UPLOAD)
                .fault(
                    Fault.status(404)
                        .withCode(dev.pullproof.registry.protocol.ErrorCode.NAME_UNKNOWN, "gone"))
                .build());

    RawHttp.Response r = http.send("POST", "/v2/team/app/blobs/uploads/", Map.of(), new byte[0]);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.text())
        .isEqualTo("{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"gone\"}]}");
  }

  @Test
  void theFirstRuleThatFiresWinsAndLaterRulesDoNotCountThatRequest() throws Exception {
    RawHttp http =
        start(
            versionCheck().first(1).build(),
            FaultRule.builder()
                .route(RouteKind.VERSION_CHECK)
                .first(1)
                .fault(Fault.status(429))
                .build());
    assertThat(statuses(http, "GET", "/v2/", 3)).containsExactly(503, 429, 200);
  }

  @Test
  void theTokenEndpointCanBeFaultedBeforeAuthentication() throws Exception {
    registry =
        FakeRegistry.builder()
            .tokenAuth(TokenService.builder().service("t").build(), Users.of("a", "b"))
            .fault(
                FaultRule.builder()
                    .route(RouteKind.TOKEN)
                    .fault(Fault.unavailable(Duration.ofSeconds(1)))
                    .build())
            .start();
    RawHttp.Response r = new RawHttp(registry).get("/token?service=t");
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.header("Retry-After")).isEqualTo("1");
  }

  @Test
  void aRuleOnAProtectedRouteFiresBeforeTheChallenge() throws Exception {
    registry =
        FakeRegistry.builder().basicAuth(Users.of("a", "b")).fault(versionCheck().build()).start();
    assertThat(new RawHttp(registry).get("/v2/").status()).isEqualTo(503);
  }

  @Test
  void anAuthorizationRuleFiresOnlyOnRequestsCarryingTheHeader() throws Exception {
    RawHttp http =
        start(
            versionCheck()
                .name("auth-present")
                .header(HeaderMatch.present("Authorization"))
                .build());
    assertThat(http.send("GET", "/v2/", Map.of(), null).status()).isEqualTo(200);
    assertThat(http.send("GET", "/v2/", Map.of("Authorization", "Bearer x"), null).status())
        .isEqualTo(503);
    registry.journal().awaitQuiet(Duration.ofSeconds(5));
    assertThat(registry.journal().all().stream().map(JournalEntry::fault))
        .containsExactly(null, "auth-present: status 503 UNAVAILABLE");
  }

  @Test
  void anAbsentRuleFiresOnlyOnRequestsWithoutTheHeader() throws Exception {
    RawHttp http = start(versionCheck().header(HeaderMatch.absent("Authorization")).build());
    assertThat(http.send("GET", "/v2/", Map.of(), null).status()).isEqualTo(503);
    assertThat(http.send("GET", "/v2/", Map.of("Authorization", "Basic eDp5"), null).status())
        .isEqualTo(200);
  }

  @Test
  void aSchemeRuleTellsBasicFromBearerWhateverTheCase() throws Exception {
    RawHttp http = start(versionCheck().header(HeaderMatch.scheme("Bearer")).build());
    assertThat(http.send("GET", "/v2/", Map.of("Authorization", "bearer abc"), null).status())
        .isEqualTo(503);
    assertThat(http.send("GET", "/v2/", Map.of("Authorization", "Basic eDp5"), null).status())
        .isEqualTo(200);
    assertThat(http.send("GET", "/v2/", Map.of("Authorization", "Bearerx abc"), null).status())
        .isEqualTo(200);
  }

  @Test
  void userAgentAndAcceptRulesMatchBySubstringOrRegex() throws Exception {
    RawHttp http =
        start(
            versionCheck()
                .header(HeaderMatch.matches("User-Agent", "^containerd/1\\.[67]"))
                .header(HeaderMatch.contains("Accept", "oci"))
                .build());
    Map<String, String> old =
        Map.of(
            "User-Agent", "containerd/1.7.24", "Accept", "application/vnd.oci.image.index.v1+json");
    Map<String, String> current =
        Map.of(
            "User-Agent", "containerd/2.1.9", "Accept", "application/vnd.oci.image.index.v1+json");
    assertThat(http.send("GET", "/v2/", old, null).status()).isEqualTo(503);
    assertThat(http.send("GET", "/v2/", current, null).status()).isEqualTo(200);
    assertThat(http.send("GET", "/v2/", Map.of("User-Agent", "containerd/1.6.20"), null).status())
        .isEqualTo(200);
  }
}
