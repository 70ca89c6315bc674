package dev.pullproof.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.run.KubeletCredentials;
import dev.pullproof.harness.scenario.RegistrySpec;
import dev.pullproof.harness.scenario.ScenarioParser;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.auth.Users;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pullproof record}: proxies to the upstream until stopped, then the directory is a world
 * whose one registry replays what passed; bad input is one line and exit 2.
 */
class RecordCommandTest {
  @TempDir Path dir;

  private CommandLine cli(Consumer<Runnable> serve, StringWriter out, StringWriter err) {
    CommandLine cli =
        PullproofCli.commandLine(
            new Harness(Optional.empty(), () -> KubeletCredentials.UNAVAILABLE),
            Clock.systemUTC(),
            new PrintStream(PrintStream.nullOutputStream()),
            serve);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli;
  }

  /** Requests {@code /v2/} through the printed proxy address once, then stops recording. */
  private static Consumer<Runnable> oneRequest(StringWriter out, int[] status) {
    return stop -> {
      Matcher url = Pattern.compile("pull through (http://\\S+)").matcher(out.toString());
      assertThat(url.find()).as(out.toString()).isTrue();
      try {
        status[0] =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(url.group(1) + "/v2/")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      stop.run();
    };
  }

  @Test
  void aRecordedRequestIsInTheWorldTheDirectoryBecomes() throws Exception {
    StringWriter out = new StringWriter();
    int[] status = new int[1];
    Consumer<Runnable> serve = oneRequest(out, status);
    Path rec = dir.resolve("rec");
    try (FakeRegistry upstream = FakeRegistry.builder().basicAuth(Users.of("ci", "pw")).start()) {
      int exit =
          cli(serve, out, new StringWriter())
              .execute("record", "--upstream", upstream.url(), "--out", rec.toString());
      assertThat(exit).isZero();
    }

    assertThat(status[0]).isEqualTo(401);
    assertThat(out.toString()).contains("recorded 1 exchange(s); replay: pullproof registry serve");
    Map<String, RegistrySpec> world = new ScenarioParser().parseWorld(rec);
    assertThat(world.get("recorded").replay().orElseThrow().directory()).isEqualTo(rec);
    assertThat(Files.readString(rec.resolve("recording.json"))).contains("\"status\" : 401");
  }

  @Test
  void anUpstreamThatIsNoUrlOrCredentialsWithoutAColonAreOneLineAndExitTwo() {
    for (String[] args :
        new String[][] {
          {"record", "--upstream", "ftp://x", "--out", dir.toString()},
          {"record", "--upstream", "http://127.0.0.1:1", "--user", "nopassword", "--out", "d"}
        }) {
      StringWriter err = new StringWriter();
      int exit = cli(stop -> stop.run(), new StringWriter(), err).execute(args);
      assertThat(exit).isEqualTo(ExitCode.USAGE);
      assertThat(err.toString().strip().lines()).hasSize(1);
      assertThat(err.toString()).startsWith("pullproof record: ");
    }
  }

  @Test
  void aCredentialHelpersAnswerIsSentForAnAnonymousClientAndNotWritten() throws Exception {
    String secret = "helper-secret-" + System.nanoTime();
    Path helper = dir.resolve("bin/docker-credential-test");
    Files.createDirectories(helper.getParent());
    Files.writeString(
        helper,
        "#!/bin/sh\nread server\nprintf '{\"ServerURL\":\"%s\",\"Username\":\"ci\",\"Secret\":\""
            + secret
            + "\"}' \"$server\"\n");
    helper.toFile().setExecutable(true);
    StringWriter out = new StringWriter();
    int[] status = new int[1];
    Consumer<Runnable> serve = oneRequest(out, status);
    Path rec = dir.resolve("rec");
    try (FakeRegistry upstream = FakeRegistry.builder().basicAuth(Users.of("ci", secret)).start()) {
      CommandLine cli = new CommandLine(new RecordCommand(serve, List.of(helper.getParent())));
      cli.setOut(new PrintWriter(out, true));
      int exit =
          cli.execute(
              "--upstream", upstream.url(), "--credential-helper", "test", "--out", rec.toString());
      assertThat(exit).isZero();
      upstream.journal().assertRequested("GET /v2/ -> 200");
    }

    assertThat(status[0]).isEqualTo(200);
    for (Path file : List.of(rec.resolve("recording.json"), rec.resolve("world.toml"))) {
      assertThat(Files.readString(file)).doesNotContain(secret);
    }
  }
}
