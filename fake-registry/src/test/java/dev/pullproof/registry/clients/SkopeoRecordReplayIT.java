package dev.pullproof.registry.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.registry.record.Recorder;
import dev.pullproof.registry.record.Replay;
import dev.pullproof.testing.DistributionRegistry;
import dev.pullproof.testing.Needs;
import dev.pullproof.testing.NginxCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's distribution registry, with htpasswd basic auth and with token auth through a token
 * server, recorded through the proxy by real skopeo, then replayed offline to skopeo: the same
 * image bytes, the same error for a tag that does not exist, every request answered from the
 * recording, and no file of the recording holding the password or a token.
 */
@Needs(clients = {"skopeo", DistributionRegistry.BINARY, NginxCache.BINARY})
class SkopeoRecordReplayIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final ClientTool skopeo = ClientTool.require("skopeo");
  private final String password = "dist-" + UUID.randomUUID();
  private final List<AutoCloseable> started = new ArrayList<>();

  @TempDir Path temp;

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : started) {
      c.close();
    }
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    started.add(closeable);
    return closeable;
  }

  @Test
  void aBasicAuthDistributionRegistryReplaysAsItWasRecorded() throws Exception {
    Files.createDirectories(temp.resolve("dist"));
    DistributionRegistry dist =
        keep(DistributionRegistry.basic(temp.resolve("dist"), "alice", password));
    recordAndReplay(dist, List.of());
  }

  @Test
  void aTokenAuthDistributionRegistryReplaysAsItWasRecorded() throws Exception {
    Files.createDirectories(temp.resolve("dist"));
    DistributionRegistry dist =
        keep(DistributionRegistry.tokenAuth(temp.resolve("dist"), "alice", password));
    List<String> tokens = recordAndReplay(dist, List.of("GET /token -> 200"));
    assertThat(tokens).isNotEmpty();
  }

  @Test
  void aTokenAuthRegistryBehindAnNginxCacheReplaysWithTheCachesHeaders() throws Exception {
    Files.createDirectories(temp.resolve("dist"));
    DistributionRegistry dist =
        keep(DistributionRegistry.tokenAuth(temp.resolve("dist"), "alice", password));
    dist.seed("alice", password);
    NginxCache nginx = keep(NginxCache.start(temp.resolve("nginx"), dist.url()));
    recordAndReplay(nginx.url(), dist, List.of("GET /token -> 200"));
    assertThat(Files.readString(temp.resolve("recording").resolve("recording.json")))
        .containsIgnoringCase("\"x-cache-status\"")
        .containsIgnoringCase("\"nginx");
  }

  private List<String> recordAndReplay(DistributionRegistry dist, List<String> alsoReplayed)
      throws Exception {
    dist.seed("alice", password);
    return recordAndReplay(dist.url(), dist, alsoReplayed);
  }

  /**
   * Records a pull and a missing tag from {@code upstream}, replays both; returns the token
   * requests the replay answered.
   */
  private List<String> recordAndReplay(
      String upstream, DistributionRegistry dist, List<String> alsoReplayed) throws Exception {

    Path recording = temp.resolve("recording");
    ClientTool.Result missingLive;
    try (Recorder recorder = Recorder.builder().upstream(upstream).out(recording).start()) {
      ok(pull(recorder.hostAndPort(), temp.resolve("live")), dist);
      missingLive = inspectMissing(recorder.hostAndPort());
    }
    FakeRegistry replay =
        keep(FakeRegistry.builder().replay(Replay.of(recording, Replay.Unrecorded.FAIL)).start());
    ok(pull(replay.hostAndPort(), temp.resolve("replayed")), dist);
    ClientTool.Result missingReplayed = inspectMissing(replay.hostAndPort());

    assertThat(files(temp.resolve("replayed"))).isEqualTo(files(temp.resolve("live")));
    assertThat(missingLive.exit()).isNotZero();
    assertThat(message(missingReplayed))
        .as("the same error as the live registry gave")
        .contains("team/app")
        .isEqualTo(message(missingLive));
    replay.journal().awaitQuiet(Duration.ofSeconds(5));
    // skopeo tries HTTPS first; the plain port answers that handshake below HTTP (no replay).
    assertThat(replay.journal().matching(e -> !e.method().equals("TLS")))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.replay()).as(e.summary()).startsWith("recorded #"));
    for (String pattern : alsoReplayed) {
      replay.journal().assertRequested(pattern);
    }
    assertNoSecretIn(recording);
    return replay.journal().matching("GET /token -> 200").stream()
        .map(JournalEntry::summary)
        .toList();
  }

  private ClientTool.Result pull(String hostAndPort, Path into) throws Exception {
    return skopeo.run(
        TIMEOUT,
        "copy",
        "--src-tls-verify=false",
        "--src-creds",
        "alice:" + password,
        "docker://" + hostAndPort + "/team/app:1.0",
        "dir:" + into);
  }

  private ClientTool.Result inspectMissing(String hostAndPort) throws Exception {
    return skopeo.run(
        TIMEOUT,
        "inspect",
        "--raw",
        "--tls-verify=false",
        "--creds",
        "alice:" + password,
        "docker://" + hostAndPort + "/team/app:9.9");
  }

  /** skopeo's error without its timestamp and the address it was talking to. */
  private static String message(ClientTool.Result result) {
    return result
        .stderr()
        .replaceAll("time=\"[^\"]*\" ", "")
        .replaceAll("127\\.0\\.0\\.1:\\d+", "HOST");
  }

  private static void ok(ClientTool.Result result, DistributionRegistry dist) throws Exception {
    assertThat(result.exit()).as(result.describe() + "\nregistry log:\n" + dist.log()).isZero();
  }

  private static List<String> files(Path dir) throws Exception {
    List<String> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.add(dir.relativize(f) + " " + java.util.Arrays.hashCode(Files.readAllBytes(f)));
      }
    }
    return out;
  }

  private void assertNoSecretIn(Path recording) throws Exception {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(("alice:" + password).getBytes(StandardCharsets.UTF_8));
    try (Stream<Path> walk = Files.walk(recording)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(text).as(f.toString()).doesNotContain(password).doesNotContain(basic);
        assertThat(text).as(f + " holds a signed token").doesNotContainPattern("eyJ[\\w-]+\\.eyJ");
      }
    }
  }
}
