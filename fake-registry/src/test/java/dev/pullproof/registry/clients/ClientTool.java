package dev.pullproof.registry.clients;

import dev.pullproof.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real registry client installed on the machine (skopeo, crane, oras), run as a process with a
 * timeout. Test classes declare it with {@link dev.pullproof.testing.Needs}, which skips or fails
 * the class when {@code ci/install-test-clients} has not provided it.
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

  /** The installed tool; the class declares it with {@code @Needs(clients = ...)}. */
  public static ClientTool require(String name) {
    return new ClientTool(Prerequisites.client(name));
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
