package dev.pullproof.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Credentials from a docker credential helper, as the docker CLI asks for them: {@code
 * docker-credential-NAME get} with the registry's host on stdin, {@code {"Username","Secret"}} on
 * stdout. A failure is an {@link IllegalArgumentException} with the helper's own message.
 *
 * @see <a href="https://github.com/docker/docker-credential-helpers">docker-credential-helpers</a>
 */
final class HelperCredentials {
  private static final long TIMEOUT_SECONDS = 30;

  private HelperCredentials() {}

  /** {@code NAME:PASSWORD} for {@code upstream}'s host from helper {@code name}. */
  static String get(String name, List<Path> dirs, URI upstream) {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          "--credential-helper takes the helper's name (docker-credential-NAME), got " + name);
    }
    String program = "docker-credential-" + name;
    Path binary =
        dirs.stream()
            .map(d -> d.resolve(program))
            .filter(Files::isExecutable)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(program + " is not on PATH"));
    String server = upstream.getHost() + (upstream.getPort() < 0 ? "" : ":" + upstream.getPort());
    try {
      Process process = new ProcessBuilder(binary.toString(), "get").start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(server.getBytes(StandardCharsets.UTF_8));
      }
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalArgumentException(program + " get did not answer within 30 s");
      }
      String text = new String(out, StandardCharsets.UTF_8).strip();
      if (process.exitValue() != 0) {
        throw new IllegalArgumentException(
            program + " get " + server + " failed (exit " + process.exitValue() + "): " + text);
      }
      JsonNode answer = new ObjectMapper().readTree(text);
      String user = answer.path("Username").asText("");
      String secret = answer.path("Secret").asText("");
      if (user.equals("<token>")) {
        throw new IllegalArgumentException(
            program + " answered an identity token for " + server + "; record takes a password");
      }
      if (user.isEmpty() || secret.isEmpty()) {
        throw new IllegalArgumentException(
            program + " get " + server + " answered no Username and Secret");
      }
      return user + ":" + secret;
    } catch (IOException e) {
      throw new IllegalArgumentException(program + " get failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalArgumentException(program + " get was interrupted", e);
    }
  }
}
