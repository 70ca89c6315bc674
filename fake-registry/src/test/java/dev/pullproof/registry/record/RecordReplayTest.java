package dev.pullproof.registry.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.content.Descriptor;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.content.PublishedImage;
import dev.pullproof.registry.fault.Fault;
import dev.pullproof.registry.fault.FaultRule;
import dev.pullproof.registry.fault.RouteKind;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.registry.protocol.MediaTypes;
import dev.pullproof.registry.protocol.RepositoryName;
import dev.pullproof.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token-auth registry recorded through the proxy by a client that logs in with GET and with POST,
 * then replayed offline: the same answers in the same order, nothing secret on disk, fresh tokens
 * that expire, the unrecorded-request policies, the size limit and faults on top.
 */
class RecordReplayTest {
  private static final Duration QUIET = Duration.ofSeconds(5);
  private static final String SCOPE = "repository:team/app:pull";
  private final String password = "pw-" + UUID.randomUUID();
  private final List<FakeRegistry> started = new ArrayList<>();
  private FakeRegistry upstream;
  private PublishedImage image;

  @TempDir Path dir;

  @BeforeEach
  void startTheUpstream() {
    upstream =
        keep(
            FakeRegistry.builder()
                .tokenAuth(
                    TokenService.builder().service("upstream.test").build(),
                    Users.of("alice", password))
                .fault(
                    FaultRule.builder()
                        .route(RouteKind.MANIFEST_GET)
                        .reference("missing")
                        .first(1)
                        .fault(Fault.unavailable(Duration.ofSeconds(1)))
                        .build())
                .start());
    image =
        new ImagePublisher(upstream.content())
            .publish(
                RepositoryName.of("team/app"),
                "1.0",
                ImageSpec.builder().layers(2_000, 3_000).build());
  }

  @AfterEach
  void closeAll() {
    started.forEach(FakeRegistry::close);
  }

  private FakeRegistry keep(FakeRegistry registry) {
    started.add(registry);
    return registry;
  }

  /** Logs in with GET, pulls the image, asks twice for a missing tag, logs in with POST. */
  private Puller pull(String base) throws Exception {
    Puller puller = new Puller(base, "alice", password);
    puller.login(SCOPE, false);
    puller.get("/v2/team/app/manifests/1.0", MediaTypes.OCI_MANIFEST);
    for (Descriptor blob : blobs()) {
      puller.get("/v2/team/app/blobs/" + blob.digest(), null);
    }
    puller.get("/v2/team/app/manifests/missing", MediaTypes.OCI_MANIFEST);
    puller.get("/v2/team/app/manifests/missing", MediaTypes.OCI_MANIFEST);
    puller.login(SCOPE, true);
    puller.get("/v2/team/app/manifests/1.0", MediaTypes.OCI_MANIFEST);
    return puller;
  }

  private List<Descriptor> blobs() {
    PublishedImage.PlatformImage platform = image.representations().get(0).platforms().get(0);
    List<Descriptor> out = new ArrayList<>(List.of(platform.config()));
    out.addAll(platform.layers());
    return out;
  }

  private Puller record(Recorder.Builder recorder) throws Exception {
    try (Recorder proxy = recorder.upstream(upstream.url()).out(dir).start()) {
      return pull(proxy.url());
    }
  }

  private FakeRegistry replay(Replay.Unrecorded policy) {
    return keep(FakeRegistry.builder().replay(Replay.of(dir, policy)).start());
  }

  @Test
  void theReplayAnswersEveryRequestAsTheUpstreamDidInTheSameOrder() throws Exception {
    Puller recorded = record(Recorder.builder());
    FakeRegistry replay = replay(Replay.Unrecorded.FAIL);
    Puller replayed = pull(replay.url());

    assertThat(replayed.seen).isEqualTo(recorded.seen);
    assertThat(recorded.seen)
        .contains(
            "GET /v2/ -> 401",
            "GET /token -> 200",
            "POST /token -> 200",
            "GET /v2/team/app/manifests/missing -> 503",
            "GET /v2/team/app/manifests/missing -> 404");
    replay.journal().awaitQuiet(QUIET);
    assertThat(replay.journal().all())
        .allSatisfy(e -> assertThat(e.replay()).startsWith("recorded #"));
    assertThat(replay.journal().matching("GET /v2/team/app/manifests/missing -> 404"))
        .allSatisfy(e -> assertThat(e.errorCode()).isEqualTo("MANIFEST_UNKNOWN"));
  }

  @Test
  void blobsComeBackByteForByteAndTheTokenIsOneTheReplayIssued() throws Exception {
    Puller recorded = record(Recorder.builder());
    FakeRegistry replay = replay(Replay.Unrecorded.FAIL);
    Puller replayed = new Puller(replay.url(), "alice", password);
    replayed.login(SCOPE, false);
    for (Descriptor blob : blobs()) {
      byte[] bytes = replayed.get("/v2/team/app/blobs/" + blob.digest(), null);
      assertThat(bytes).hasSize((int) blob.size());
      assertThat(bytes).isEqualTo(upstream.content().blobs().read(blob.digest()));
    }
    assertThat(replayed.token).isNotNull().isNotEqualTo(recorded.token);
  }

  @Test
  void noFileOfTheRecordingHoldsThePasswordOrATokenThatPassedThroughIt() throws Exception {
    Puller recorded = record(Recorder.builder());
    String basic =
        Base64.getEncoder().encodeToString(("alice:" + password).getBytes(StandardCharsets.UTF_8));
    List<String> secrets = List.of(password, basic, recorded.token);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }

    assertThat(files).hasSizeGreaterThan(3);
    for (Path file : files) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      for (String secret : secrets) {
        assertThat(text).as(file + " holds a secret").doesNotContain(secret);
      }
    }
    assertThat(Files.readString(dir.resolve(Recording.FILE)))
        .contains(Secrets.PASSWORD)
        .contains(RecordedExchange.SELF + "/token");
  }

  @Test
  void anUnrecordedRequestIsTheSpecs404OrALoud500AndTheJournalSaysWhich() throws Exception {
    record(Recorder.builder());
    FakeRegistry lenient = replay(Replay.Unrecorded.NOT_FOUND);
    FakeRegistry strict = replay(Replay.Unrecorded.FAIL);

    Puller a = new Puller(lenient.url(), "alice", password);
    a.login(SCOPE, false);
    a.get("/v2/team/other/manifests/1.0", MediaTypes.OCI_MANIFEST);
    Puller b = new Puller(strict.url(), "alice", password);
    b.login(SCOPE, false);
    String body = new String(b.get("/v2/team/other/manifests/1.0", null), StandardCharsets.UTF_8);

    assertThat(a.seen).last().isEqualTo("GET /v2/team/other/manifests/1.0 -> 404");
    assertThat(b.seen).last().isEqualTo("GET /v2/team/other/manifests/1.0 -> 500");
    assertThat(body).contains("UNKNOWN").contains("was not recorded");
    lenient.journal().awaitQuiet(QUIET);
    strict.journal().awaitQuiet(QUIET);
    JournalEntry notFound =
        lenient.journal().assertRequested("GET /v2/team/other/manifests/1.0 -> 404");
    assertThat(notFound.errorCode()).isEqualTo("NAME_UNKNOWN");
    assertThat(notFound.replay()).isEqualTo("not recorded: answered as an unknown name");
    assertThat(strict.journal().assertRequested("GET /v2/team/other/manifests/1.0 -> 500").replay())
        .isEqualTo("not recorded: failed");
  }

  @Test
  void aReplayedTokenExpiresAfterTheRecordedLifetime() throws Exception {
    record(Recorder.builder());
    ManualClock clock = new ManualClock();
    FakeRegistry replay =
        keep(
            FakeRegistry.builder()
                .clock(clock)
                .replay(Replay.of(dir, Replay.Unrecorded.FAIL))
                .start());
    Puller puller = new Puller(replay.url(), "alice", password);
    puller.login(SCOPE, false);
    puller.get("/v2/team/app/manifests/1.0", MediaTypes.OCI_MANIFEST);
    clock.advance(TokenService.DEFAULT_EXPIRES_IN.plus(TokenService.LEEWAY).plusSeconds(1));
    puller.get("/v2/team/app/manifests/1.0", MediaTypes.OCI_MANIFEST);

    assertThat(puller.seen)
        .containsSubsequence(
            "GET /v2/team/app/manifests/1.0 -> 200", "GET /v2/team/app/manifests/1.0 -> 401");
    replay.journal().awaitQuiet(QUIET);
    JournalEntry refused =
        replay.journal().assertRequested("GET /v2/team/app/manifests/1.0 -> 401");
    assertThat(refused.replay()).startsWith("token refused");
  }

  @Test
  void aBodyOverTheSizeLimitIsKeptAsSizeAndDigestAndReplayedAsNotRecorded() throws Exception {
    List<String> warnings = new ArrayList<>();
    record(Recorder.builder().maxBody(2_500).warnings(warnings::add));
    FakeRegistry replay = replay(Replay.Unrecorded.FAIL);
    Descriptor big = image.representations().get(0).platforms().get(0).layers().get(1);
    Puller puller = new Puller(replay.url(), "alice", password);
    puller.login(SCOPE, false);
    String body =
        new String(puller.get("/v2/team/app/blobs/" + big.digest(), null), StandardCharsets.UTF_8);

    assertThat(big.size()).isGreaterThan(2_500);
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains("over the limit of 2500"));
    assertThat(puller.seen).last().asString().endsWith("-> 500");
    assertThat(body).contains("body not recorded").contains(big.digest().toString());
    assertThat(Recording.read(dir).exchanges())
        .anySatisfy(
            e -> {
              assertThat(e.path()).endsWith(big.digest().toString());
              assertThat(e.body()).isEmpty();
              assertThat(e.digest()).isEqualTo(big.digest().toString());
            });
  }

  @Test
  void aFaultRuleAnswersBeforeTheRecording() throws Exception {
    record(Recorder.builder());
    FakeRegistry replay =
        keep(
            FakeRegistry.builder()
                .replay(Replay.of(dir, Replay.Unrecorded.FAIL))
                .fault(
                    FaultRule.builder()
                        .route(RouteKind.BLOB)
                        .first(1)
                        .fault(Fault.unavailable(Duration.ofSeconds(1)))
                        .build())
                .start());
    Puller puller = new Puller(replay.url(), "alice", password);
    puller.login(SCOPE, false);
    Descriptor blob = blobs().get(0);
    puller.get("/v2/team/app/blobs/" + blob.digest(), null);
    puller.get("/v2/team/app/blobs/" + blob.digest(), null);

    assertThat(puller.seen)
        .endsWith(
            "GET /v2/team/app/blobs/" + blob.digest() + " -> 503",
            "GET /v2/team/app/blobs/" + blob.digest() + " -> 200");
  }

  @Test
  void aRedirectToStorageIsFollowedWhenRecordedAndReplayedWithoutTheStorageHost() throws Exception {
    // Both are closed before the replay starts: it must not need them.
    FakeRegistry storage = FakeRegistry.builder().start();
    FakeRegistry redirecting =
        FakeRegistry.builder()
            .fault(
                FaultRule.builder()
                    .route(RouteKind.BLOB)
                    .fault(new Fault.Redirect(storage.url(), 307))
                    .build())
            .start();
    for (FakeRegistry r : List.of(storage, redirecting)) {
      new ImagePublisher(r.content())
          .publish(
              RepositoryName.of("team/app"),
              "1.0",
              ImageSpec.builder().layers(2_000, 3_000).build());
    }
    Descriptor layer = blobs().get(1);
    String path = "/v2/team/app/blobs/" + layer.digest();
    List<String> warnings = new ArrayList<>();
    byte[] live;
    try (Recorder recorder =
        Recorder.builder().upstream(redirecting.url()).out(dir).warnings(warnings::add).start()) {
      live = new Puller(recorder.url(), "alice", password).get(path, null);
    }
    storage.close();
    redirecting.close();
    FakeRegistry replay = replay(Replay.Unrecorded.FAIL);
    byte[] replayed = new Puller(replay.url(), "alice", password).get(path, null);

    assertThat(live).hasSize((int) layer.size());
    assertThat(replayed).isEqualTo(live);
    assertThat(warnings)
        .anySatisfy(w -> assertThat(w).contains("followed the redirect of " + path));
    replay.journal().awaitQuiet(QUIET);
    assertThat(replay.journal().all())
        .extracting(JournalEntry::summary)
        .anySatisfy(l -> assertThat(l).contains("GET " + path + " -> 307"))
        .anySatisfy(l -> assertThat(l).contains("GET " + path + "?pullproof-redirect=0 -> 200"));
  }

  @Test
  void anUpstreamThatDoesNotAnswerIsA502ToTheClientAWarningAndNothingRecorded() throws Exception {
    List<String> warnings = new ArrayList<>();
    String gone = upstream.url();
    upstream.close();
    started.remove(upstream);
    int status;
    try (Recorder recorder =
        Recorder.builder().upstream(gone).out(dir).warnings(warnings::add).start()) {
      Puller puller = new Puller(recorder.url(), "alice", password);
      puller.get("/v2/", null);
      status = puller.lastStatus();
    }

    assertThat(status).isEqualTo(502);
    assertThat(warnings).singleElement().asString().startsWith("GET /v2/: no answer from " + gone);
    assertThat(Recording.read(dir).exchanges()).isEmpty();
  }
}
