package dev.pullproof.harness.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The dead-host world elements, seen by a plain TCP client. */
class DeadHostsTest {
  @Test
  void nothingListeningRefusesEveryConnection() {
    try (NothingListening dead = NothingListening.on("127.0.0.1", 0)) {
      assertThat(dead.port()).isPositive();
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> new Socket(dead.host(), dead.port()).close())
            .isInstanceOf(ConnectException.class)
            .hasMessageContaining("Connection refused");
      }
    }
  }

  @Test
  void nothingListeningKeepsOthersFromTakingThePort() throws Exception {
    try (NothingListening dead = NothingListening.on("127.0.0.1", 0);
        ServerSocket intruder = new ServerSocket()) {
      intruder.setReuseAddress(true);
      assertThatThrownBy(() -> intruder.bind(new InetSocketAddress(dead.host(), dead.port())))
          .isInstanceOf(BindException.class);
    }
  }

  @Test
  void nothingListeningFreesThePortWhenClosed() throws Exception {
    NothingListening dead = NothingListening.on("127.0.0.1", 0);
    int port = dead.port();
    dead.close();
    try (ServerSocket next = new ServerSocket()) {
      next.bind(new InetSocketAddress("127.0.0.1", port));
      assertThat(next.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void acceptsThenClosesAnswersEveryRequestWithEndOfStream() throws Exception {
    try (AcceptsThenCloses host =
        AcceptsThenCloses.on("127.0.0.1", 0, AcceptsThenCloses.Close.EOF)) {
      for (int i = 0; i < REPEATS; i++) {
        try (Socket socket = sendRequest(host)) {
          assertThat(socket.getInputStream().read()).as("connection %d", i).isEqualTo(-1);
        }
      }
      assertThat(host.acceptedConnections()).isEqualTo(REPEATS);
    }
  }

  @Test
  void acceptsThenResetsAnswersEveryRequestWithAReset() throws Exception {
    try (AcceptsThenCloses host =
        AcceptsThenCloses.on("127.0.0.1", 0, AcceptsThenCloses.Close.RESET)) {
      for (int i = 0; i < REPEATS; i++) {
        try (Socket socket = sendRequest(host)) {
          InputStream in = socket.getInputStream();
          assertThatThrownBy(in::read)
              .as("connection %d", i)
              .isInstanceOf(SocketException.class)
              .hasMessageContaining("Connection reset");
        }
      }
      assertThat(host.acceptedConnections()).isEqualTo(REPEATS);
    }
  }

  /** The same outcome every time: the close waits for the request instead of racing with it. */
  private static final int REPEATS = 30;

  private static Socket sendRequest(AcceptsThenCloses host) throws Exception {
    Socket socket = new Socket(host.host(), host.port());
    socket.setSoTimeout(5000);
    socket
        .getOutputStream()
        .write(
            "HEAD /v2/app/manifests/1.0 HTTP/1.1\r\nHost: x\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
    return socket;
  }
}
