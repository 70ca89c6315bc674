package dev.pullproof.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.pullproof.harness.run.KubeletCredentials;
import dev.pullproof.harness.run.NodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --watch}: a scenario runs again when one of its files changes. The runs end as ERROR
 * (this build's node factory starts no containerd); what is watched and rerun is the point.
 */
class RunWatchTest {
  /** A bound on waiting for the watch to react, not a measure of how fast it does. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dir;

  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
  private final StringWriter out = new StringWriter();
  private final ExecutorService thread = Executors.newSingleThreadExecutor();
  private Future<Integer> watching;
  private Path config;
  private Path other;

  @BeforeEach
  void scenarios() throws Exception {
    Files.createDirectories(dir.resolve("s/files"));
    Files.writeString(dir.resolve("s/files/world.toml"), "[registries.r]\nimages = [\"a:1\"]\n");
    config = Files.writeString(dir.resolve("s/files/config.toml"), "version = 2\n");
    Files.writeString(
        dir.resolve("s/watched.toml"),
        "name = \"watched\"\nversions = [\"2\"]\nworld = \"files/world.toml\"\n"
            + "[containerd.files]\n\"config.toml\" = { file = \"files/config.toml\" }\n"
            + "[[pull]]\nimage = \"{{r.address}}/a:1\"\n");
    other =
        Files.writeString(
            dir.resolve("s/other.toml"),
            "name = \"other\"\nversions = [\"2\"]\n[[pull]]\nimage = \"r.test/b:1\"\n");
    PrintWriter err = new PrintWriter(new StringWriter(), true);
    picocli.CommandLine cli =
        PullproofCli.commandLine(
            new Harness(Optional.of(NodeFactory.UNAVAILABLE), () -> KubeletCredentials.UNAVAILABLE),
            Clock.systemUTC(),
            new PrintStream(progress, true, StandardCharsets.UTF_8),
            Runnable::run);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(err);
    String report = dir.resolve("report").toString();
    watching =
        thread.submit(
            () -> cli.execute("run", "--watch", "--report", report, dir.resolve("s").toString()));
    awaitConsole("watching", 1);
  }

  @AfterEach
  void stop() throws Exception {
    thread.shutdownNow();
    assertThat(thread.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aChangedReferencedFileRunsItsScenarioAgainAndOnlyIt() throws Exception {
    assertThat(console()).contains("running 2 scenario run(s)");

    Files.writeString(config, "version = 2\n# edited\n");
    awaitConsole("watching", 2);

    assertThat(console()).contains("changed: " + config.toAbsolutePath());
    assertThat(console().substring(console().indexOf("changed: ")))
        .contains("running 1 scenario run(s)")
        .contains("watched on 2")
        .doesNotContain("other on 2");
  }

  @Test
  void aScenarioThatNoLongerReadsIsReportedAndWatchedOn() throws Exception {
    Files.writeString(other, "name = \n");
    awaitConsole("watching", 2);
    Files.writeString(other, "name = \"other\"\nversions = [\"2\"]\n[[pull]]\nimage = \"r:1\"\n");
    awaitConsole("watching", 3);

    assertThat(watching.isDone()).isFalse();
    assertThat(console().substring(console().lastIndexOf("changed: ")))
        .contains("running 1 scenario run(s)")
        .contains("other on 2");
  }

  private String console() {
    return progress.toString(StandardCharsets.UTF_8) + out;
  }

  /** Waits until {@code text} has appeared {@code times} times, or fails after the patience. */
  private void awaitConsole(String text, int times) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = Pattern.compile(Pattern.quote(text)).matcher(console());
      int seen = 0;
      while (m.find()) {
        seen++;
      }
      if (seen >= times) {
        return;
      }
      if (watching.isDone()) {
        fail("the watch ended (exit " + watching.get() + "):\n" + console());
      }
      Thread.sleep(50);
    }
    fail("'" + text + "' did not appear " + times + " time(s):\n" + console());
  }
}
