package dev.pullproof.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

class PullproofCliTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  private int run(String... args) {
    Harness none = new Harness(Optional.empty(), () -> KubeletCredentials.UNAVAILABLE);
    CommandLine cli =
        PullproofCli.commandLine(
            none,
            Clock.systemUTC(),
            new PrintStream(progress, true, StandardCharsets.UTF_8),
            Runnable::run);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private void scenario(String path, String name, String versions) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "name = \""
            + name
            + "\"\nversions = "
            + versions
            + "\n[[pull]]\nimage = \"r.test/app:1\"\n");
  }

  @Test
  void listShowsEachScenarioWithItsVersionsAndSkipsFilesDirectories() throws Exception {
    scenario("auth/b.toml", "bee", "[\"1.7\", \"2\"]");
    scenario("a.toml", "ay", "[\"1.6\"]");
    Files.createDirectories(dir.resolve("auth/files"));
    Files.writeString(dir.resolve("auth/files/hosts.toml"), "server = \"x\"\n");

    assertThat(run("list", dir.toString())).isEqualTo(ExitCode.OK);
    assertThat(out.toString().lines().toList())
        .containsExactly(
            "a  [1.6]  ay  (no expectations: observe only)",
            "auth/b  [1.7,2]  bee  (no expectations: observe only)",
            "2 scenario(s), 3 run(s)");
  }

  @Test
  void listHonoursTheVersionFilterAndTheShard() throws Exception {
    for (String id : new String[] {"a", "b", "c"}) {
      scenario(id + ".toml", id, "[\"1.6\", \"2\"]");
    }
    assertThat(run("list", "--containerd", "2", "--shard", "2/2", dir.toString())).isZero();
    assertThat(out.toString().lines().toList())
        .containsExactly(
            "b  [2]  b  (no expectations: observe only)", "1 scenario(s), 1 run(s) in shard 2/2");
  }

  @Test
  void anInvalidScenarioFileExitsWithUsageAndNamesFileLineAndKey() throws Exception {
    Files.writeString(
        dir.resolve("bad.toml"), "name = \"x\"\nrepaet = 2\n[[pull]]\nimage = \"a/b:1\"\n");
    assertThat(run("list", dir.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString())
        .contains(
            dir.resolve("bad.toml") + ":2: repaet: unknown key 'repaet'; did you mean 'repeat'?")
        .contains("1 problem(s) in the scenario files; nothing ran");
  }

  @Test
  void badOptionsAreUsageErrors() throws Exception {
    scenario("a.toml", "a", "[\"2\"]");
    assertThat(run("list", "--shard", "3/2", dir.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("1 <= K <= N, got 3/2");
    assertThat(run("list", "--containerd", "2.1", dir.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString())
        .contains("unknown containerd version '2.1'")
        .contains("(2.1 is a release line: write 2.1.0 or the release you mean)")
        .contains("or a directory or .tar.gz holding containerd");
    assertThat(run("list", "--containerd", "/no/such/dir", dir.toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString())
        .contains(
            "/no/such/dir is neither a directory holding containerd and ctr nor a .tar.gz archive");
    assertThat(run("list", dir.resolve("missing").toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("missing: no such file or directory");
    assertThat(run()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void runWithoutAContainerdHarnessSaysSoAndExitsIncomplete() throws Exception {
    scenario("a.toml", "a", "[\"1.7\", \"2\"]");
    assertThat(run("run", "--report", dir.resolve("r").toString(), dir.toString()))
        .isEqualTo(ExitCode.INCOMPLETE);
    assertThat(err.toString())
        .contains("no containerd harness (no NodeFactory service found)")
        .contains("2 run(s) would have started");
  }

  @Test
  void helpDocumentsTheExitCodes() {
    assertThat(run("run", "--help")).isZero();
    assertThat(out.toString())
        .contains("--shard=K/N")
        .contains("--containerd=VERSION")
        .contains("1   some expectation did not hold")
        .contains("3   some run could not complete");
  }
}
