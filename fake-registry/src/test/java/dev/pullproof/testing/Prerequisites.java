package dev.pullproof.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The one place that decides what a missing Docker engine or client does to a test: skip with one
 * line on the console, or fail when the matching {@code PULLPROOF_REQUIRE_*} variable is {@code 1}.
 */
public final class Prerequisites {
  static final String REQUIRE_DOCKER = "PULLPROOF_REQUIRE_DOCKER";
  static final String REQUIRE_CLIENTS = "PULLPROOF_REQUIRE_CLIENTS";
  private static final int PING_SECONDS = 5;

  private Prerequisites() {}

  /**
   * Evaluates {@link Needs} before the class is instantiated. A condition rather than a
   * {@code @BeforeAll} abort: reports then count the class as skipped, with the reason.
   */
  static final class Check implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      Optional<Needs> annotation =
          AnnotationSupport.findAnnotation(context.getElement(), Needs.class);
      if (context.getTestMethod().isPresent() || annotation.isEmpty()) {
        return ConditionEvaluationResult.enabled("decided for the whole class");
      }
      Class<?> test = context.getRequiredTestClass();
      Needs needs = annotation.get();
      for (String client : needs.clients()) {
        if (find(client).isEmpty()) {
          return ConditionEvaluationResult.disabled(
              skipOrFail(test.getSimpleName(), REQUIRE_CLIENTS, notInstalled(client)));
        }
      }
      Optional<String> docker = needs.docker() ? dockerProblem() : Optional.empty();
      if (docker.isPresent()) {
        return ConditionEvaluationResult.disabled(
            skipOrFail(test.getSimpleName(), REQUIRE_DOCKER, docker.get()));
      }
      return ConditionEvaluationResult.enabled("everything it needs is there");
    }
  }

  /** The client's binary; skips or fails the calling test when it is not installed. */
  public static Path client(String name) {
    Optional<Path> found = find(name);
    if (found.isEmpty()) {
      Assumptions.abort(skipOrFail(name, REQUIRE_CLIENTS, notInstalled(name)));
    }
    return found.orElseThrow();
  }

  private static String notInstalled(String client) {
    String provider =
        client.equals("chromium")
            ? "apt-get install -y chromium (Debian's package) provides it, ci/test runs that"
            : "ci/install-test-clients provides it, ci/test runs that";
    return client + " is not installed (not on PATH nor in a .cache/tools/bin); " + provider;
  }

  /** Throws when {@code requireVariable} is 1; else prints the one line and returns the reason. */
  private static String skipOrFail(String who, String requireVariable, String reason) {
    if ("1".equals(System.getenv(requireVariable))) {
      throw new AssertionError(reason + " (" + requireVariable + "=1: required, not skipped)");
    }
    System.out.println("SKIPPED " + who + ": " + reason);
    return reason;
  }

  private static Optional<Path> find(String name) {
    List<String> dirs =
        new ArrayList<>(
            List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    Optional.ofNullable(System.getenv("PULLPROOF_CACHE"))
        .ifPresent(cache -> dirs.add(Path.of(cache, "tools/bin").toString()));
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      dirs.add(p.resolve(".cache/tools/bin").toString());
    }
    return dirs.stream()
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Why no Docker engine answers {@code GET /_ping}, or empty when one does. */
  static Optional<String> dockerProblem() {
    String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
    String problem;
    try {
      String status =
          CompletableFuture.supplyAsync(() -> ping(host)).get(PING_SECONDS, TimeUnit.SECONDS);
      if (status.matches("HTTP/1\\.[01] 200.*")) {
        return Optional.empty();
      }
      problem = "it answered '" + status + "'";
    } catch (ExecutionException e) {
      problem = String.valueOf(e.getCause().getMessage());
    } catch (TimeoutException e) {
      problem = "no answer within " + PING_SECONDS + " s";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem = "interrupted";
    }
    return Optional.of(
        "no Docker engine at "
            + host
            + " ("
            + problem
            + "); ci/docker-engine starts one, ci/test runs that");
  }

  /** The status line of the engine's answer; a one-line HTTP/1.0 exchange, no client library. */
  private static String ping(String host) {
    URI uri = URI.create(host);
    SocketAddress address =
        switch (String.valueOf(uri.getScheme())) {
          case "unix" -> UnixDomainSocketAddress.of(uri.getPath());
          case "tcp" -> new InetSocketAddress(uri.getHost(), uri.getPort());
          default ->
              throw new IllegalArgumentException("DOCKER_HOST is neither unix:// nor tcp://");
        };
    try (SocketChannel channel = SocketChannel.open(address)) {
      channel.write(
          ByteBuffer.wrap(
              "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer answer = ByteBuffer.allocate(512);
      while (answer.hasRemaining() && channel.read(answer) > 0) {
        // until the engine closes the connection or the status line is surely in
      }
      String text = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
      return text.lines().findFirst().orElse("");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e.getMessage(), e);
    }
  }
}
