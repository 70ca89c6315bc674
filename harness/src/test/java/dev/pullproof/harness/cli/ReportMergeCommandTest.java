package dev.pullproof.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullproof.harness.run.KubeletCredentials;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code report merge}: shards of a real slice run (stored outcomes) joined into one report. */
class ReportMergeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli =
        PullproofCli.commandLine(
            new Harness(Optional.empty(), () -> KubeletCredentials.UNAVAILABLE),
            Clock.systemUTC(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            Runnable::run);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** A shard directory holding the stored slice runs of the given containerd families. */
  private Path shard(String name, String... families) throws Exception {
    ObjectNode doc =
        (ObjectNode) JSON.readTree(getClass().getResourceAsStream("/report/slice/results-a.json"));
    ArrayNode runs = (ArrayNode) doc.get("runs");
    for (int i = runs.size() - 1; i >= 0; i--) {
      if (!java.util.List.of(families).contains(runs.get(i).get("containerd").asText())) {
        runs.remove(i);
      }
    }
    Path shard = Files.createDirectories(dir.resolve(name));
    JSON.writeValue(shard.resolve("results.json").toFile(), doc);
    return shard;
  }

  @Test
  void shardsBecomeOneReportWithEveryRunInTheJUnitXml() throws Exception {
    Path a = shard("a", "1.6");
    Path b = shard("b", "1.7", "2");
    Path merged = dir.resolve("merged");

    assertThat(
            run(
                "report",
                "merge",
                a.toString(),
                b.toString(),
                "--out",
                merged.toString(),
                "--scenarios-root",
                Path.of("..").toAbsolutePath().toString()))
        .as(err.toString())
        .isEqualTo(ExitCode.OK);
    assertThat(out.toString()).contains("12 run(s) of 4 scenario(s) from 2 report(s)");
    String junit = Files.readString(merged.resolve("junit.xml"));
    assertThat(junit.split("<testcase ", -1)).hasSize(13);
    assertThat(junit).contains("containerd 1.6 (1.6.20", "containerd 2 (2.1.9");
    assertThat(merged.resolve("report.html")).exists();
    assertThat(merged.resolve("runs/token-no-credentials.html")).exists();
  }

  @Test
  void aRunInTwoShardsIsRefusedNamingBoth() throws Exception {
    Path a = shard("a", "1.6");
    Path b = shard("b", "1.6", "2");

    assertThat(
            run(
                "report",
                "merge",
                a.toString(),
                b.toString(),
                "--out",
                dir.resolve("m").toString(),
                "--scenarios-root",
                Path.of("..").toAbsolutePath().toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("on 1.6 is in both " + a + " and " + b, "--shard K/N");
  }

  @Test
  void aDirectoryWithoutResultsIsNamed() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThat(run("report", "merge", empty.toString(), "--out", dir.resolve("m").toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains(empty + " has no results.json");
  }
}
