package dev.pullproof.registry.world;

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
  void acceptsThenClosesConnectsAndThenReadsEndOfStream() throws Exception {
    try (AcceptsThenCloses host =
            AcceptsThenCloses.on("127.0.0.1", 0, AcceptsThenCloses.Close.EOF);
        Socket socket = new Socket(host.host(), host.port())) {
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write("GET /v2/ HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();

      assertThat(in.read()).isEqualTo(-1);
      assertThat(host.acceptedConnections()).isEqualTo(1);
    }
  }

  @Test
  void acceptsThenResetsConnectsAndThenReadsAReset() throws Exception {
    try (AcceptsThenCloses host =
            AcceptsThenCloses.on("127.0.0.1", 0, AcceptsThenCloses.Close.RESET);
        Socket socket = new Socket(host.host(), host.port())) {
      socket.setSoTimeout(5000);
      InputStream in = socket.getInputStream();

      assertThatThrownBy(in::read)
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("Connection reset");
      assertThat(host.acceptedConnections()).isEqualTo(1);
    }
  }
}
