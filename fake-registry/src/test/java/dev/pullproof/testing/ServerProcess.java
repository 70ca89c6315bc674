package dev.pullproof.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real server a test starts on loopback (a registry, a proxy): the process, the address it was
 * told to listen on, its log; ready once {@code GET /v2/} gets any answer; stopped with SIGTERM.
 */
final class ServerProcess implements AutoCloseable {
  private static final long READY_SECONDS = 20;
  private final String name;
  private final Process process;
  private final String hostAndPort;
  private final Path log;

  private ServerProcess(String name, Process process, String hostAndPort, Path log) {
    this.name = name;
    this.process = process;
    this.hostAndPort = hostAndPort;
    this.log = log;
  }

  /** A port on 127.0.0.1 that nothing listened on a moment ago. */
  static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return free.getLocalPort();
    }
  }

  /** Starts {@code command} and waits until it answers on {@code hostAndPort}. */
  static ServerProcess start(String name, ProcessBuilder command, String hostAndPort, Path log)
      throws Exception {
    ServerProcess server = new ServerProcess(name, command.start(), hostAndPort, log);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
    while (System.nanoTime() < deadline) {
      if (!server.process.isAlive()) {
        throw new IllegalStateException(
            name + " exited " + server.process.exitValue() + ": " + server.log());
      }
      try {
        HttpURLConnection c =
            (HttpURLConnection)
                URI.create("http://" + hostAndPort + "/v2/").toURL().openConnection();
        c.setConnectTimeout(500);
        if (c.getResponseCode() > 0) {
          return server;
        }
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    server.close();
    throw new IllegalStateException(
        name + " did not answer within " + READY_SECONDS + " s: " + server.log());
  }

  String hostAndPort() {
    return hostAndPort;
  }

  String log() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "(no log at " + log + ")";
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
