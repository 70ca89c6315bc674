package dev.pullproof.helper.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.helper.log.Invocation;
import dev.pullproof.helper.log.Invocations;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The install command and the launchers it writes, run as the separate processes clients start. */
class LauncherTest {
  @TempDir static Path dir;
  static Path bin;
  static Path script;
  static Path log;

  record Run(int exit, String stdout, String stderr) {}

  @BeforeAll
  static void install() throws Exception {
    bin = dir.resolve("bin");
    script = dir.resolve("script.json");
    log = dir.resolve("calls.jsonl");
    Files.writeString(
        script,
        "{\"rules\": [{\"server\": \"a.test\", \"answer\": {\"username\": \"u\", \"secret\": \"p\"}}]}");
    int exit =
        InstallCommand.run(
            List.of(
                "--dir",
                bin.toString(),
                "--name",
                "corp",
                "--script",
                script.toString(),
                "--provider",
                "corp-provider",
                "--log",
                log.toString()));
    assertThat(exit).isZero();
  }

  @Test
  void installWritesExecutableLaunchersAndAClassSharingArchive() throws Exception {
    assertThat(bin.resolve("docker-credential-corp")).isExecutable();
    assertThat(bin.resolve("corp-provider")).isExecutable();
    assertThat(bin.resolve(".pullproof-helper/helper.jsa")).isNotEmptyFile();
    assertThat(Files.readString(bin.resolve("docker-credential-corp")))
        .startsWith("#!/bin/sh\n")
        .contains("-XX:SharedArchiveFile=")
        .contains("'--script' '" + script + "'");
  }

  @Test
  void theDockerLauncherAnswersGet() throws Exception {
    Run r =
        run(List.of(bin.resolve("docker-credential-corp").toString(), "get"), "a.test\n", Map.of());
    assertThat(r)
        .isEqualTo(
            new Run(0, "{\"ServerURL\":\"a.test\",\"Username\":\"u\",\"Secret\":\"p\"}\n", ""));
    Invocation last = last();
    assertThat(last.name()).isEqualTo("corp");
    assertThat(last.pid()).isPositive();
  }

  @Test
  void theProviderLauncherSpeaksTheKubeletProtocol() throws Exception {
    Run r =
        run(
            List.of(bin.resolve("corp-provider").toString(), "--ignored-provider-arg"),
            "{\"apiVersion\":\"credentialprovider.kubelet.k8s.io/v1\",\"kind\":\"CredentialProviderRequest\",\"image\":\"a.test/app:1\"}",
            Map.of());
    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(r.stdout())
        .contains("\"auth\":{\"a.test\":{\"username\":\"u\",\"password\":\"p\"}}");
    assertThat(last().protocol()).isEqualTo("kubelet");
  }

  @Test
  void aBadScriptIsReportedOnStderrWithFileAndKeyAndExitTwo() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad,
        "{\"rules\": [{\"server\": \"a.test\", \"answer\": {\"error\": \"x\", \"exit\": -1}}]}");
    Run r = run(java("--script", bad.toString(), "get"), "a.test", Map.of());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stderr())
        .isEqualTo(
            "fake-helper: bad script "
                + bad
                + ": rules[0].answer.exit: must be an integer 0..255, got -1\n");
    assertThat(r.stdout()).isEqualTo(r.stderr());
  }

  @Test
  void theScriptCanComeFromTheEnvironment() throws Exception {
    Run r = run(java("get"), "a.test", Map.of("PULLPROOF_HELPER_SCRIPT", script.toString()));
    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("\"Username\":\"u\"");
  }

  @Test
  void noScriptAtAllSaysHowToGiveOne() throws Exception {
    Run r = run(java("get"), "a.test", Map.of());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stderr())
        .contains("no script given: pass --script FILE or set PULLPROOF_HELPER_SCRIPT");
  }

  @Test
  void badUsageExitsTwoWithTheUsage() throws Exception {
    Run r = run(java("get", "extra"), "", Map.of());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stderr()).contains("get takes no arguments").contains("usage: fake-helper");
  }

  @Test
  void concurrentCallsShareOneSequenceAndOneLogWithoutLosingACall() throws Exception {
    Path seq = dir.resolve("concurrent.json");
    Path seqLog = dir.resolve("concurrent.jsonl");
    Files.writeString(
        seq,
        "{\"log\": \"concurrent.jsonl\", \"rules\": [{\"server\": \"c.test\", \"sequence\": ["
            + "{\"times\": 3, \"answer\": {\"error\": \"busy\"}},"
            + " {\"answer\": {\"username\": \"u\", \"secret\": \"p\"}}]}]}");
    int calls = 8;
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      List<String> command = java("--script", seq.toString(), "get");
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().write("c.test".getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      processes.add(p);
    }
    List<Integer> exits = new ArrayList<>();
    for (Process p : processes) {
      p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("a helper did not finish within 60 s");
      }
      exits.add(p.exitValue());
    }

    assertThat(exits).filteredOn(e -> e == 1).hasSize(3);
    assertThat(exits).filteredOn(e -> e == 0).hasSize(calls - 3);
    List<Invocation> logged = Invocations.read(seqLog);
    assertThat(logged).hasSize(calls);
    assertThat(logged).extracting(Invocation::pid).doesNotHaveDuplicates();
  }

  private static Invocation last() {
    List<Invocation> all = Invocations.read(log);
    return all.get(all.size() - 1);
  }

  /** The helper's main class on the installed jars, without a launcher. */
  private static List<String> java(String... args) throws Exception {
    String cp;
    try (Stream<Path> jars = Files.list(bin.resolve(".pullproof-helper"))) {
      cp =
          jars.filter(p -> p.toString().endsWith(".jar"))
              .map(Path::toString)
              .collect(Collectors.joining(File.pathSeparator));
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                cp,
                "dev.pullproof.helper.HelperMain"));
    command.addAll(List.of(args));
    return command;
  }

  private static Run run(List<String> command, String stdin, Map<String, String> env)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("PULLPROOF_HELPER_SCRIPT");
    builder.environment().remove("PULLPROOF_HELPER_LOG");
    builder.environment().putAll(env);
    Process p = builder.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not finish within 60 s");
    }
    return new Run(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }
}
