package dev.pullproof.registry.clients;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real registry client installed on the machine (skopeo, crane, oras), run as a process with a
 * timeout. {@code ci/install-test-clients} provides them; when {@code PULLPROOF_REQUIRE_CLIENTS=1}
 * is set (as {@code ci/test} does) a missing client fails the test instead of skipping it.
 */
public final class ClientTool {
  private final Path binary;

  private ClientTool(Path binary) {
    this.binary = binary;
  }

  /** A run's outcome; output is kept verbatim for assertions and failure messages. */
  public record Result(int exit, String stdout, String stderr) {
    public String describe() {
      return "exit " + exit + "\nstdout: " + stdout + "\nstderr: " + stderr;
    }
  }

  /** Finds the tool or skips the test (fails when clients are required). */
  public static ClientTool require(String name) {
    Optional<Path> found = find(name);
    if (found.isEmpty() && "1".equals(System.getenv("PULLPROOF_REQUIRE_CLIENTS"))) {
      throw new AssertionError(
          name + " is not installed: run ci/install-test-clients (ci/test does) and retry");
    }
    Assumptions.assumeTrue(
        found.isPresent(), name + " not installed; ci/install-test-clients adds it");
    return new ClientTool(found.get());
  }

  static Optional<Path> find(String name) {
    List<String> dirs =
        new ArrayList<>(
            List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    Path repo = Path.of("").toAbsolutePath();
    for (Path p = repo; p != null; p = p.getParent()) {
      dirs.add(p.resolve(".cache/tools/bin").toString());
    }
    return dirs.stream()
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  public Result run(Duration timeout, String... args) throws IOException, InterruptedException {
    return run(java.util.Map.of(), timeout, args);
  }

  /** Runs with extra environment entries (e.g. DOCKER_CONFIG for a private credentials file). */
  public Result run(java.util.Map<String, String> env, Duration timeout, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("client-out-", ".txt");
    Path err = Files.createTempFile("client-err-", ".txt");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
