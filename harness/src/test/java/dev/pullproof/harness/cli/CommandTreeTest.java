package dev.pullproof.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.run.KubeletCredentials;
import dev.pullproof.harness.run.NodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The one {@code pullproof} tree: every command reachable, documented, and failing in one line. */
class CommandTreeTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<Runnable> served = new ArrayList<>();

  private CommandLine tree(Harness harness) {
    CommandLine cli =
        PullproofCli.commandLine(
            harness,
            Clock.systemUTC(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            stop -> {
              served.add(stop);
              stop.run();
            });
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli;
  }

  private int run(String... args) {
    return tree(new Harness(Optional.empty(), () -> KubeletCredentials.UNAVAILABLE)).execute(args);
  }

  private static List<CommandLine> walk(CommandLine line) {
    List<CommandLine> all = new ArrayList<>(List.of(line));
    line.getSubcommands().values().forEach(sub -> all.addAll(walk(sub)));
    return all;
  }

  @Test
  void everyCommandInTheTreeHasADescriptionAndItsHelpExitsZero() {
    List<CommandLine> commands = walk(tree(new Harness(Optional.empty(), () -> null)));
    assertThat(commands).hasSizeGreaterThan(12);
    for (CommandLine command : commands) {
      String name = command.getCommandSpec().qualifiedName();
      assertThat(command.getCommandSpec().usageMessage().description()).as(name).isNotEmpty();
      List<String> args =
          new ArrayList<>(List.of(name.split(" ")).subList(1, name.split(" ").length));
      args.add("--help");
      out.getBuffer().setLength(0);
      assertThat(run(args.toArray(String[]::new))).as(name + " --help").isZero();
      assertThat(out.toString()).as(name + " --help").startsWith("Usage: " + name);
    }
  }

  @Test
  void theRootHelpListsTheTree() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains("run", "list", "validate", "world", "registry", "helper")
        .contains("2   bad usage or an invalid file");
  }

  @Test
  void anUnknownCommandIsOneLineWithASuggestionAndTheUsageExitCode() {
    assertThat(run("valdate")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString().lines().toList())
        .containsExactly(
            "pullproof: unknown command 'valdate'; did you mean 'validate'? (pullproof --help shows the"
                + " usage)");
  }

  @Test
  void anUnknownOptionIsOneLineNamingTheCommandsHelp() {
    assertThat(run("list", "--shrad", "1/2")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString().lines().toList()).hasSize(1);
    assertThat(err.toString())
        .startsWith("pullproof list: unknown option '--shrad'; did you mean '--shard'?")
        .contains("pullproof list --help");
    err.getBuffer().setLength(0);
    assertThat(run("registry", "serve", "--prot", "5000")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString().lines().toList()).hasSize(1);
    assertThat(err.toString()).startsWith("pullproof registry serve: unknown option '--prot'");
  }

  @Test
  void aBareGroupPrintsItsUsageAndExitsWithUsage() {
    assertThat(run("registry")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).startsWith("Usage: pullproof registry").contains("serve");
  }

  @Test
  void registryServeHelpIsTheRegistrysOwnServeWithTheWorldFile() {
    assertThat(run("registry", "serve", "--help")).isZero();
    assertThat(out.toString())
        .contains("--noop-fault-rule", "--oci-layout=DIR=NAME", "--layer-size", "[WORLD.toml]")
        .contains("serve --auth token --user alice:s3cret");
  }

  @Test
  void registryServeBadValuesAreTheRegistrysUsageErrors() {
    assertThat(run("registry", "serve", "--auth", "kerberos", "--port", "0"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("--auth must be none, basic or token");
  }

  @Test
  void registryServeFailingToListenExitsOneAsTheRegistryDoes() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(run("registry", "serve", "--port", String.valueOf(taken.getLocalPort())))
          .isEqualTo(1);
    }
    assertThat(err.toString()).startsWith("pullproof registry: ").doesNotContain("\tat ");
  }

  @Test
  void registryServeOfAWorldFileServesItsRegistriesAsWorldDoes() throws Exception {
    Path world =
        Files.writeString(
            dir.resolve("world.toml"), "name = \"w\"\n[registries.local]\nimages = [\"a/b:1\"]\n");

    assertThat(run("registry", "serve", world.toString(), "--journal", dir.resolve("j").toString()))
        .isZero();

    assertThat(served).hasSize(1);
    assertThat(out.toString()).contains("fake world from " + world).contains("images [a/b:1]");
    assertThat(dir.resolve("j/local.json")).exists();
  }

  @Test
  void registryServeOfAWorldFileRefusesTheRegistrysOwnOptions() throws Exception {
    Path world = Files.writeString(dir.resolve("world.toml"), "name = \"w\"\n");
    assertThat(run("registry", "serve", world.toString(), "--port", "5000"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("only --journal DIR applies, not [--port]");
    assertThat(served).isEmpty();
  }

  @Test
  void helperInstallIsTheHelpersOwnInstall() throws Exception {
    Path bin = dir.resolve("bin");

    int exit = run(words("helper install --no-cds --name corp --dir", bin, "--script", script()));

    assertThat(exit).as(err.toString()).isZero();
    assertThat(bin.resolve("docker-credential-corp")).isExecutable();
  }

  @Test
  void helperInstallFailuresKeepTheHelpersMessageAndExitCode() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "");
    assertThat(run("helper", "install", "--dir", file.toString(), "--name", "x", "--script", "s"))
        .isEqualTo(1);
    assertThat(err.toString()).startsWith("fake-helper install: ").doesNotContain("\tat ");
    err.getBuffer().setLength(0);
    assertThat(run("helper", "install", "--name", "x")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString().lines().toList()).hasSize(1);
  }

  @Test
  void aHelperCallRunsTheHelperWithTheGroupsOptions() throws Exception {
    Path log = dir.resolve("calls.jsonl");

    int exit = run(words("helper --name corp --script", script(), "--log", log, "list"));

    assertThat(exit).isZero();
    assertThat(Files.readString(log)).contains("\"command\":\"list\"").contains("corp");
  }

  private Path script() throws Exception {
    return Files.writeString(dir.resolve("script.json"), "{\"rules\": []}");
  }

  /** Command-line words: each part split at spaces (temporary paths have none). */
  private static String[] words(Object... parts) {
    return String.join(" ", java.util.Arrays.stream(parts).map(String::valueOf).toList())
        .split(" ");
  }

  @Test
  void aLiveRunPreparesTheEngineFirstAndAFailedPreparationIsOneLineAndIncomplete()
      throws Exception {
    Files.writeString(
        dir.resolve("s.toml"),
        "name = \"s\"\nversions = [\"2\"]\n[[pull]]\nimage = \"r.test/a:1\"\n");
    Path home = dir.resolve("home");
    script(home, "ci/docker-engine", 0);
    script(home, "ci/containerd-images", 4);
    Harness harness =
        new Harness(
            Optional.of(NodeFactory.UNAVAILABLE),
            () -> KubeletCredentials.UNAVAILABLE,
            new EnginePreparation(home));

    int exit =
        tree(harness).execute("run", "--report", dir.resolve("r").toString(), dir.toString());

    assertThat(exit).isEqualTo(ExitCode.INCOMPLETE);
    assertThat(err.toString().lines().toList())
        .containsExactly(
            "pullproof: ci/containerd-images exited 4 (its message is above); no containerd"
                + " started");
    assertThat(home.resolve("ci/docker-engine.ran")).exists();
  }

  /** A stand-in for one of the clone's preparation scripts: notes that it ran, then exits. */
  private static void script(Path home, String name, int exit) throws Exception {
    Path file = home.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\ntouch \"$0.ran\"\nexit " + exit + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
