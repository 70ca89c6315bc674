package dev.pullproof.harness.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.clients.ClientTool;
import dev.pullproof.testing.Needs;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What real skopeo reports for a host where nothing listens and one that accepts then closes. */
@Needs(clients = "skopeo")
class SkopeoDeadHostIT {
  private final ClientTool skopeo = ClientTool.require("skopeo");

  @Test
  void nothingListeningIsConnectionRefused() throws Exception {
    try (NothingListening dead = NothingListening.on("127.0.0.1", 0)) {
      ClientTool.Result r = inspect(dead.hostAndPort(), true);

      assertThat(r.exit()).as(r.describe()).isNotZero();
      assertThat(r.stderr())
          .as(r.describe())
          .contains("dial tcp " + dead.hostAndPort() + ": connect: connection refused");
    }
  }

  @Test
  void acceptsThenClosesIsAnEofDuringTheTlsHandshake() throws Exception {
    try (AcceptsThenCloses host =
        AcceptsThenCloses.on("127.0.0.1", 0, AcceptsThenCloses.Close.EOF)) {
      ClientTool.Result r = inspect(host.hostAndPort(), true);

      assertThat(r.exit()).as(r.describe()).isNotZero();
      assertThat(r.stderr()).as(r.describe()).contains("EOF");
      assertThat(host.acceptedConnections()).isPositive();
    }
  }

  @Test
  void acceptsThenClosesOverPlainHttpIsAnEof() throws Exception {
    try (AcceptsThenCloses host =
        AcceptsThenCloses.on("127.0.0.1", 0, AcceptsThenCloses.Close.EOF)) {
      ClientTool.Result r = inspect(host.hostAndPort(), false);

      assertThat(r.exit()).as(r.describe()).isNotZero();
      // Go's HTTP client words a connection closed before any response byte either way, by
      // timing: both were seen from skopeo 1.9.3 against this element.
      assertThat(r.stderr())
          .as(r.describe())
          .containsAnyOf("EOF", "http: server closed idle connection");
    }
  }

  @Test
  void acceptsThenResetsIsAConnectionReset() throws Exception {
    try (AcceptsThenCloses host =
        AcceptsThenCloses.on("127.0.0.1", 0, AcceptsThenCloses.Close.RESET)) {
      ClientTool.Result r = inspect(host.hostAndPort(), true);

      assertThat(r.exit()).as(r.describe()).isNotZero();
      assertThat(r.stderr()).as(r.describe()).contains("connection reset by peer");
    }
  }

  /** With {@code tls} false skopeo may fall back to plain HTTP and reports that attempt. */
  private ClientTool.Result inspect(String hostAndPort, boolean tls) throws Exception {
    return skopeo.run(
        Duration.ofSeconds(60),
        "inspect",
        "--retry-times",
        "0",
        "--tls-verify=" + tls,
        "--no-creds",
        "docker://" + hostAndPort + "/library/app:1.0");
  }
}
