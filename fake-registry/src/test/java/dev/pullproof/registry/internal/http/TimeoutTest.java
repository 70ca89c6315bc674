package dev.pullproof.registry.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slow-header (slowloris) and idle connections are closed by the configured timeouts. */
class TimeoutTest {
  private static final int GIVE_UP_MS = 8_000;
  private FakeRegistry registry;

  @BeforeEach
  void start() {
    registry =
        FakeRegistry.builder()
            .headerTimeout(Duration.ofMillis(500))
            .idleTimeout(Duration.ofMillis(800))
            .start();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void aRequestHeadThatNeverEndsIsClosedAfterTheHeaderTimeout() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", registry.port())) {
      socket
          .getOutputStream()
          .write("GET /v2/ HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      long t0 = System.nanoTime();
      for (int i = 0; i < 20 && !closed(socket, 100); i++) {
        socket.getOutputStream().write("X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      assertThat(closedWithin(socket, GIVE_UP_MS)).as("slow-header connection closed").isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - t0))
          .isLessThan(Duration.ofMillis(GIVE_UP_MS));
    }
  }

  @Test
  void aConnectionThatSendsNothingIsClosedAfterTheIdleTimeout() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", registry.port())) {
      assertThat(closedWithin(socket, GIVE_UP_MS)).as("idle connection closed").isTrue();
    }
  }

  private static boolean closedWithin(Socket socket, int millis) throws IOException {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      if (closed(socket, 200)) {
        return true;
      }
    }
    return false;
  }

  /** True when the server closed (EOF or reset, possibly after a short answer). */
  private static boolean closed(Socket socket, int waitMillis) throws IOException {
    socket.setSoTimeout(waitMillis);
    try {
      return socket.getInputStream().read(new byte[4096]) < 0 || socket.getInputStream().read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
