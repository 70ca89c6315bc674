package dev.pullproof.harness.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pullproof.harness.scenario.RegistrySpec;
import dev.pullproof.harness.scenario.ReplaySpec;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioException;
import dev.pullproof.harness.scenario.ScenarioFiles;
import dev.pullproof.harness.scenario.ScenarioParser;
import dev.pullproof.harness.toml.Problem;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.protocol.RepositoryName;
import dev.pullproof.registry.record.Recorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording's directory as a world: read through {@code world = "DIR"} and as a world of its own,
 * served with the scenario's faults layered on top; its keys checked like every other.
 */
class ReplayWorldTest {
  private static final String MANIFEST = "/v2/team/app/manifests/1.0";
  private final HttpClient http = HttpClient.newHttpClient();
  private final LoopbackPool pool = new LoopbackPool("127.0.86", 10, 30);
  private final String basic =
      "Basic " + Base64.getEncoder().encodeToString("ci:pw".getBytes(StandardCharsets.UTF_8));
  private Path recording;

  @TempDir Path dir;

  @BeforeEach
  void record() throws Exception {
    recording = dir.resolve("rec");
    try (FakeRegistry upstream = FakeRegistry.builder().basicAuth(Users.of("ci", "pw")).start()) {
      new ImagePublisher(upstream.content())
          .publish(RepositoryName.of("team/app"), "1.0", ImageSpec.builder().layers(100).build());
      try (Recorder recorder = Recorder.builder().upstream(upstream.url()).out(recording).start()) {
        get(recorder.url() + "/v2/");
        get(recorder.url() + MANIFEST);
      }
    }
  }

  private int get(String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private void worldFile(String extra) throws Exception {
    Files.writeString(
        recording.resolve(ScenarioParser.WORLD_FILE),
        "[registries.recorded]\nreplay = \".\"\n" + extra);
  }

  @Test
  void aScenarioNamingTheDirectoryGetsItsReplayedRegistryWithAFaultOnTop() throws Exception {
    worldFile(
        "unrecorded = \"fail\"\n"
            + "[[registries.recorded.faults]]\nroute = \"manifest\"\nfault = { status = 503 }\n"
            + "first = 1\n");
    Scenario s =
        ScenarioFiles.parse(
            dir,
            "name = \"r\"\nworld = \"rec\"\n[[pull]]\nimage = \"{{recorded.address}}/team/app:1.0\"\n");
    RegistrySpec spec = s.registries().get("recorded");
    assertThat(spec.replay())
        .contains(new ReplaySpec(recording.toAbsolutePath(), ReplaySpec.Unrecorded.FAIL));

    List<Integer> statuses = new ArrayList<>();
    try (World world = new WorldInstaller(pool, Clock.systemUTC()).start(s)) {
      String base = "http://" + world.host("recorded").address();
      statuses.add(get(base + MANIFEST));
      statuses.add(get(base + MANIFEST));
      statuses.add(get(base + "/v2/team/other/manifests/1.0"));
      List<HostRequest> journal = world.journals().get("recorded");
      assertThat(journal).extracting(HostRequest::fault).first().isNotNull();
    }
    assertThat(statuses).containsExactly(503, 200, 500);
  }

  @Test
  void theDirectoryIsAWorldOfItsOwnForRegistryServe() throws Exception {
    worldFile("");
    Map<String, RegistrySpec> registries = new ScenarioParser().parseWorld(recording);
    assertThat(registries.get("recorded").replay().orElseThrow().unrecorded())
        .isEqualTo(ReplaySpec.Unrecorded.NOT_FOUND);
    try (World world = new WorldInstaller(pool, Clock.systemUTC()).start(registries.values())) {
      String base = "http://" + world.host("recorded").address();
      assertThat(get(base + MANIFEST)).isEqualTo(200);
      assertThat(get(base + "/v2/team/other/manifests/1.0")).isEqualTo(404);
    }
  }

  @Test
  void aWrongPolicyAReplayWithAuthAndADirectoryThatIsNoRecordingAreProblemsNamingTheKey()
      throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    List<Problem> problems =
        problems(
            """
            name = "r"
            [registries.a]
            replay = "rec"
            unrecorded = "lenient"
            [registries.b]
            replay = "rec"
            auth = { type = "basic", users = { ci = "pw" } }
            [registries.c]
            replay = "empty"
            [registries.d]
            unrecorded = "fail"
            [[pull]]
            image = "{{a.address}}/team/app:1.0"
            """);
    assertThat(problems)
        .extracting(Problem::key, Problem::message)
        .anySatisfy(
            p ->
                assertThat(p.toList())
                    .containsExactly(
                        "registries.a.unrecorded",
                        "unknown policy 'lenient'; known: [not-found, fail]"));
    assertThat(problems)
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("a replayed host answers from its recording"))
        .anySatisfy(m -> assertThat(m).contains("is not a recording (no recording.json)"))
        .anySatisfy(m -> assertThat(m).contains("unrecorded applies to a replayed host only"));
  }

  private List<Problem> problems(String text) throws Exception {
    Path file = dir.resolve("bad.toml");
    Files.writeString(file, text);
    ScenarioException e =
        catchThrowableOfType(ScenarioException.class, () -> new ScenarioParser().parse(file));
    assertThat(e).as("expected the parser to reject:\n" + text).isNotNull();
    return e.problems();
  }
}
