package dev.pullproof.helper.clients;

import dev.pullproof.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real client from Debian (the docker CLI, skopeo) run as a process with a bounded time. When the
 * time runs out the client and every process it started (a hanging helper among them) are ended by
 * their process ids and the result says so. Test classes declare the client with {@link
 * dev.pullproof.testing.Needs}, which skips or fails the class when it is missing.
 */
final class Client {
  private final Path binary;

  private Client(Path binary) {
    this.binary = binary;
  }

  /** How a run ended; output verbatim for assertions and failure messages. */
  record Result(int exit, boolean timedOut, String stdout, String stderr) {
    String describe() {
      return (timedOut ? "timed out" : "exit " + exit)
          + "\nstdout: "
          + stdout
          + "\nstderr: "
          + stderr;
    }
  }

  static Client require(String name) {
    return new Client(Prerequisites.client(name));
  }

  Result run(Map<String, String> env, String stdin, Duration timeout, String... args)
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
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        // Helpers first: they are the client's children and would outlive it.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      return new Result(
          finished ? process.exitValue() : -1,
          !finished,
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
