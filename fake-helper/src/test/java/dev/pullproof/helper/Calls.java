package dev.pullproof.helper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs helper calls in this JVM against a script in a directory: the same {@link HelperRun} the
 * launchers run, with a fixed clock and endings that only record what would have happened.
 */
final class Calls {
  static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  static final Map<String, String> ENV =
      Map.of("PATH", "/opt/helpers:/usr/bin", "HOME", "/home/ci", "DOCKER_CONFIG", "/tmp/dc");

  final Path dir;
  final Path script;
  final Path log;
  final List<String> endings = new ArrayList<>();

  /** A call's outcome as a client sees it. */
  record Result(int exit, String stdout, String stderr) {}

  Calls(Path dir, String scriptJson) throws Exception {
    this.dir = dir;
    this.script = dir.resolve("script.json");
    this.log = dir.resolve("calls.jsonl");
    Files.writeString(script, scriptJson);
  }

  Result docker(String command, String stdin) throws Exception {
    return run(List.of("--script", script.toString(), "--log", log.toString(), command), stdin);
  }

  Result kubelet(String image) throws Exception {
    return run(
        List.of("--script", script.toString(), "--log", log.toString(), "kubelet"),
        "{\"apiVersion\":\"credentialprovider.kubelet.k8s.io/v1\","
            + "\"kind\":\"CredentialProviderRequest\",\"image\":\""
            + image
            + "\"}");
  }

  Result run(List<String> args, String stdin) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Ending recording =
        new Ending() {
          @Override
          public void hang(Duration limit) {
            endings.add("hang " + limit);
          }

          @Override
          public void signal(String signal) {
            endings.add("signal " + signal);
          }
        };
    int exit =
        new HelperRun(Clock.fixed(NOW, ZoneOffset.UTC), ENV, recording)
            .run(
                HelperArgs.parse(args, Map.of()),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                out,
                err,
                NOW);
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
