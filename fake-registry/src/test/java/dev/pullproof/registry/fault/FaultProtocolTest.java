package dev.pullproof.registry.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.RepositoryName;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each fault as a plain HTTP client sees it on the socket: status and headers, how many body bytes
 * arrive, and how the connection ends. The journal names the fault that fired.
 */
class FaultProtocolTest {
  static final int BLOB_BYTES = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TIMEOUT_MS = 10_000;

  private FakeRegistry registry;
  private FakeRegistry other;
  private byte[] blob;
  private Digest digest;

  @AfterEach
  void close() {
    for (FakeRegistry r : new FakeRegistry[] {registry, other}) {
      if (r != null) {
        r.close();
      }
    }
  }

  private FakeRegistry start(FaultRule rule) {
    registry = seeded(FakeRegistry.builder().fault(rule).start());
    return registry;
  }

  private FakeRegistry seeded(FakeRegistry r) {
    blob = new byte[BLOB_BYTES];
    new SplittableRandom(7).nextBytes(blob);
    digest = r.content().blobs().put(blob);
    r.content().repository(RepositoryName.of("library/app")).linkBlob(digest);
    return r;
  }

  private String blobPath() {
    return "/v2/library/app/blobs/" + digest;
  }

  private static FaultRule onBlobGet(Fault fault) {
    return FaultRule.builder().route(RouteKind.BLOB).method("GET").fault(fault).build();
  }

  private JournalEntry lastEntry() {
    registry.journal().awaitQuiet(Duration.ofSeconds(5));
    List<JournalEntry> all = registry.journal().all();
    return all.get(all.size() - 1);
  }

  @Test
  void statusFaultAnswersTheSpecErrorBodyWithRetryAfter() throws Exception {
    start(onBlobGet(Fault.unavailable(Duration.ofSeconds(3))));

    Probe.Outcome r = Probe.get(registry, blobPath(), TIMEOUT_MS);

    assertThat(r.status()).isEqualTo(503);
    assertThat(r.header("Retry-After")).isEqualTo("3");
    assertThat(JSON.readTree(r.body()).path("errors").get(0).path("code").asText())
        .isEqualTo("UNAVAILABLE");
    JournalEntry entry = lastEntry();
    assertThat(entry.errorCode()).isEqualTo("UNAVAILABLE");
    assertThat(entry.fault()).isEqualTo("rule-1: status 503 UNAVAILABLE {Retry-After=3}");
  }

  @Test
  void delayHoldsTheHeadersBack() throws Exception {
    start(
        FaultRule.builder()
            .route("version-check")
            .fault(new Fault.Delay(Duration.ofMillis(700)))
            .build());

    Probe.Outcome r = Probe.get(registry, "/v2/", TIMEOUT_MS);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headerMillis()).isGreaterThanOrEqualTo(700);
    assertThat(lastEntry().fault()).isEqualTo("rule-1: delay 700 ms");
  }

  @Test
  void aDelayedRequestWhoseClientGivesUpIsJournaledWithHowLongItWasHeld() throws Exception {
    start(
        FaultRule.builder()
            .route("version-check")
            .fault(new Fault.Delay(Duration.ofMinutes(5)))
            .build());

    Probe.Outcome r = Probe.get(registry, "/v2/", 500);

    assertThat(r.end()).isEqualTo(Probe.End.TIMEOUT);
    JournalEntry entry = registry.takeRequest(Duration.ofSeconds(5));
    assertThat(entry)
        .as("a request held by a delay is journaled once its client gives up")
        .isNotNull();
    assertThat(entry.status()).as(entry.summary()).isZero();
    assertThat(entry.fault()).isEqualTo("rule-1: delay 300000 ms");
    assertThat(entry.duration())
        .as(entry.summary())
        .isBetween(Duration.ofMillis(450), Duration.ofSeconds(4));
  }

  @Test
  void stallSendsTheHeadersThenNothingUntilTheClientGivesUp() throws Exception {
    start(onBlobGet(new Fault.Stall(0, null)));

    Probe.Outcome r = Probe.get(registry, blobPath(), 3000);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.declaredLength()).isEqualTo(BLOB_BYTES);
    assertThat(r.body()).isEmpty();
    assertThat(r.end()).isEqualTo(Probe.End.TIMEOUT);
    // The client hung up; the registry notices, ends the exchange and journals it while open.
    JournalEntry entry = registry.takeRequest(Duration.ofSeconds(5));
    assertThat(entry).isNotNull();
    assertThat(entry.fault()).isEqualTo("rule-1: stall after 0 bytes until the client gives up");
  }

  @Test
  void stallForADurationThenSendsTheRest() throws Exception {
    start(onBlobGet(new Fault.Stall(4096, Duration.ofMillis(800))));

    Probe.Outcome r = Probe.get(registry, blobPath(), TIMEOUT_MS);

    assertThat(r.end()).isEqualTo(Probe.End.COMPLETE);
    assertThat(r.body()).isEqualTo(blob);
    assertThat(r.elapsedMillis()).isGreaterThanOrEqualTo(800);
  }

  @Test
  void resetBeforeTheResponseGivesTheClientAConnectionReset() throws Exception {
    start(onBlobGet(new Fault.Reset(0)));

    Probe.Outcome r = Probe.get(registry, blobPath(), TIMEOUT_MS);

    assertThat(r.end()).isEqualTo(Probe.End.RESET);
    assertThat(r.status()).isEqualTo(-1);
    JournalEntry entry = lastEntry();
    assertThat(entry.status()).isZero();
    assertThat(entry.fault()).isEqualTo("rule-1: reset before response");
  }

  @Test
  void resetAfterBytesCutsTheBodyWithARst() throws Exception {
    start(onBlobGet(new Fault.Reset(64 * 1024)));

    Probe.Outcome r = Probe.get(registry, blobPath(), TIMEOUT_MS);

    assertThat(r.end()).isEqualTo(Probe.End.RESET);
    assertThat(r.body().length).isLessThanOrEqualTo(64 * 1024);
  }

  @Test
  void closeWithoutResponseIsAnEofBeforeTheStatusLine() throws Exception {
    start(FaultRule.builder().route(RouteKind.VERSION_CHECK).fault(new Fault.Close()).build());

    Probe.Outcome r = Probe.get(registry, "/v2/", TIMEOUT_MS);

    assertThat(r.end()).isEqualTo(Probe.End.EOF);
    assertThat(r.status()).isEqualTo(-1);
    assertThat(lastEntry().status()).isZero();
  }

  @Test
  void truncateSendsTheFullLengthButOnlyTheFirstBytes() throws Exception {
    start(onBlobGet(new Fault.Truncate(1000)));

    Probe.Outcome r = Probe.get(registry, blobPath(), TIMEOUT_MS);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.declaredLength()).isEqualTo(BLOB_BYTES);
    assertThat(r.body()).isEqualTo(Arrays.copyOf(blob, 1000));
    assertThat(r.end()).isEqualTo(Probe.End.EOF);
  }

  @Test
  void truncateAtZeroSendsTheHeadersAndNoBody() throws Exception {
    start(onBlobGet(new Fault.Truncate(0)));

    Probe.Outcome r = Probe.get(registry, blobPath(), TIMEOUT_MS);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.declaredLength()).isEqualTo(BLOB_BYTES);
    assertThat(r.body()).isEmpty();
    assertThat(r.end()).isEqualTo(Probe.End.EOF);
  }

  @Test
  void corruptInvertsOneByteSoTheDigestNoLongerMatches() throws Exception {
    start(onBlobGet(new Fault.Corrupt(300_000)));

    Probe.Outcome r = Probe.get(registry, blobPath(), TIMEOUT_MS);

    assertThat(r.end()).isEqualTo(Probe.End.COMPLETE);
    assertThat(r.body()).hasSize(BLOB_BYTES);
    assertThat(r.body()[300_000]).isEqualTo((byte) ~blob[300_000]);
    r.body()[300_000] = blob[300_000];
    assertThat(r.body()).isEqualTo(blob);
    assertThat(r.header("Docker-Content-Digest")).isEqualTo(digest.toString());
  }

  @Test
  void bandwidthPacesTheBody() throws Exception {
    start(onBlobGet(new Fault.Bandwidth(512 * 1024)));

    Probe.Outcome r =
        Probe.send(registry, "GET", blobPath(), Map.of("Range", "bytes=0-262143"), TIMEOUT_MS);

    assertThat(r.status()).isEqualTo(206);
    assertThat(r.body()).isEqualTo(Arrays.copyOf(blob, 262144));
    // 256 KiB at 512 KiB/s: half a second at least, less one pacing step of 1/20 s.
    assertThat(r.elapsedMillis()).isGreaterThanOrEqualTo(450);
  }

  @Test
  void bodyFaultsAlsoCutManifests() throws Exception {
    registry = FakeRegistry.builder().fault(manifestTruncate()).start();
    new dev.pullproof.registry.content.ImagePublisher(registry.content())
        .publish(
            RepositoryName.of("library/app"),
            "1.0",
            dev.pullproof.registry.content.ImageSpec.builder().layers(100).build());

    Probe.Outcome r = Probe.get(registry, "/v2/library/app/manifests/1.0", TIMEOUT_MS);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.declaredLength()).isGreaterThan(10);
    assertThat(r.body()).hasSize(10);
    assertThat(r.end()).isEqualTo(Probe.End.EOF);
  }

  private static FaultRule manifestTruncate() {
    return FaultRule.builder().route(RouteKind.MANIFEST_GET).fault(new Fault.Truncate(10)).build();
  }

  @Test
  void htmlPageReplacesTheTokenEndpointsAnswer() throws Exception {
    registry =
        FakeRegistry.builder()
            .tokenAuth(TokenService.builder().service("t").build(), Users.of("a", "b"))
            .fault(
                FaultRule.builder()
                    .route(RouteKind.TOKEN)
                    .fault(new Fault.HtmlPage(502, null))
                    .build())
            .start();

    Probe.Outcome r = Probe.get(registry, "/token?service=t", TIMEOUT_MS);

    assertThat(r.status()).isEqualTo(502);
    assertThat(r.header("Content-Type")).startsWith("text/html");
    assertThat(r.text()).startsWith("<html>").contains("502 proxy error");
    assertThat(r.header("Docker-Distribution-API-Version")).isNull();
  }

  @Test
  void htmlPageWith200LooksLikeSuccessToAClientThatDoesNotCheckTheType() throws Exception {
    start(
        FaultRule.builder()
            .route(RouteKind.VERSION_CHECK)
            .fault(new Fault.HtmlPage(200, "<html>captive portal</html>"))
            .build());

    Probe.Outcome r = Probe.get(registry, "/v2/", TIMEOUT_MS);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text()).isEqualTo("<html>captive portal</html>");
  }

  @Test
  void redirectSendsTheClientToTheSamePathOnAnotherHost() throws Exception {
    other = seeded(FakeRegistry.builder().host("127.0.0.2").start());
    start(onBlobGet(new Fault.Redirect(other.url(), 307)));

    Probe.Outcome r = Probe.get(registry, blobPath() + "?x=1", TIMEOUT_MS);

    assertThat(r.status()).isEqualTo(307);
    assertThat(r.header("Location")).isEqualTo(other.url() + blobPath() + "?x=1");
    Probe.Outcome followed = Probe.get(other, blobPath(), TIMEOUT_MS);
    assertThat(followed.body()).isEqualTo(blob);
  }

  @Test
  void headIsNotABodyAndPassesABodyFaultUntouched() throws Exception {
    start(FaultRule.builder().route(RouteKind.BLOB).fault(new Fault.Truncate(0)).build());

    Probe.Outcome r = Probe.send(registry, "HEAD", blobPath(), Map.of(), TIMEOUT_MS);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.declaredLength()).isEqualTo(BLOB_BYTES);
  }
}
