package dev.pullproof.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.run.KubeletCredentials;
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
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pullproof world FILE}: serves a world's registries and writes their journals on stop. */
class WorldCommandTest {
  @TempDir Path dir;

  @Test
  void aWorldFileWithoutPullsIsServedAndItsJournalWrittenOnStop() throws Exception {
    Path world =
        Files.writeString(
            dir.resolve("world.toml"),
            """
            name = "for a shell script"
            [registries.local]
            auth = { type = "basic", users = { ci = "pw" } }
            images = ["library/app:1.0"]
            """);
    StringWriter out = new StringWriter();
    int[] status = new int[1];
    Consumer<Runnable> serve =
        stop -> {
          Matcher url = Pattern.compile("local\\s+(http://\\S+)").matcher(out.toString());
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
    CommandLine cli =
        PullproofCli.commandLine(
            new Harness(Optional.empty(), () -> KubeletCredentials.UNAVAILABLE),
            Clock.systemUTC(),
            new PrintStream(PrintStream.nullOutputStream()),
            serve);
    cli.setOut(new PrintWriter(out, true));

    int exit =
        cli.execute("world", "--journal", dir.resolve("journals").toString(), world.toString());

    assertThat(exit).isZero();
    assertThat(status[0]).isEqualTo(401);
    assertThat(out.toString()).contains("auth basic; images [library/app:1.0]");
    assertThat(Files.readString(dir.resolve("journals/local.json")))
        .contains("\"path\" : \"/v2/\"")
        .contains("\"status\" : 401");
  }

  @Test
  void aTlsWorldPrintsHttpsUrlsDownHostsAndWhereItsCaIs() throws Exception {
    Path world =
        Files.writeString(
            dir.resolve("tls.toml"),
            """
            name = "tls world"
            [registries.secure]
            tls = true
            [registries.gone]
            down = "reset"
            """);
    StringWriter out = new StringWriter();
    String[] printed = new String[1];
    boolean[] served = new boolean[1];
    CommandLine cli =
        PullproofCli.commandLine(
            new Harness(Optional.empty(), () -> KubeletCredentials.UNAVAILABLE),
            Clock.systemUTC(),
            new PrintStream(PrintStream.nullOutputStream()),
            stop -> {
              printed[0] = out.toString();
              Matcher dir = Pattern.compile("TLS: .* are in (\\S+)").matcher(printed[0]);
              served[0] = dir.find() && Files.isRegularFile(Path.of(dir.group(1), "ca.crt"));
              stop.run();
            });
    cli.setOut(new PrintWriter(out, true));

    assertThat(cli.execute("world", world.toString())).isZero();

    assertThat(printed[0]).containsPattern("secure\\s+https://127\\.");
    assertThat(printed[0]).contains("down: reset");
    Matcher ca = Pattern.compile("TLS: .* are in (\\S+)").matcher(printed[0]);
    assertThat(ca.find()).as(printed[0]).isTrue();
    // The CA was there while the world served; the directory is gone once the world stopped.
    assertThat(served[0]).isTrue();
    assertThat(Path.of(ca.group(1))).doesNotExist();
  }
}
