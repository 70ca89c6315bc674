package dev.pullproof.registry.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.fault.Fault;
import dev.pullproof.registry.fault.FaultRule;
import dev.pullproof.registry.fault.RouteKind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A client on a keep-alive connection sends its next request the moment it has read an answer, as
 * containerd does after a token POST is refused. The journal must still show the status that went
 * out, even when the next request's bytes arrive before the previous exchange is recorded.
 */
class KeepAliveStatusTest {
  private static final int ROUNDS = 400;

  @Test
  void everyAnsweredRequestIsJournaledWithItsStatusWhenTheNextFollowsAtOnce() throws Exception {
    try (FakeRegistry registry =
            FakeRegistry.builder()
                .tokenAuth(TokenService.builder().service("t").build(), Users.of("ci", "pw"))
                .fault(
                    FaultRule.builder()
                        .route(RouteKind.TOKEN)
                        .method("POST")
                        .fault(Fault.status(405))
                        .build())
                .start();
        Socket socket = new Socket("127.0.0.1", registry.port())) {
      socket.setSoTimeout(10_000);
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      String form = "grant_type=password&username=ci&password=pw&service=t";
      for (int i = 0; i < ROUNDS; i++) {
        String request =
            i % 2 == 0
                ? "POST /token HTTP/1.1\r\nHost: r\r\nContent-Type: application/x-www-form-urlencoded"
                    + "\r\nContent-Length: "
                    + form.length()
                    + "\r\n\r\n"
                : "GET /token?service=t HTTP/1.1\r\nHost: r\r\n\r\n";
        // Head and body in two writes, as Go's client may send them: a status fault answers
        // before the body arrives, and the body's bytes must not read as a new request.
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (i % 2 == 0) {
          out.write(form.getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
        assertThat(readResponse(in)).as("answer %d", i).isEqualTo(i % 2 == 0 ? 405 : 200);
      }
      registry.journal().awaitQuiet(Duration.ofSeconds(10));
      List<Integer> statuses =
          registry.journal().all().stream()
              .sorted(java.util.Comparator.comparingLong(JournalEntry::sequence))
              .map(JournalEntry::status)
              .toList();
      assertThat(statuses).hasSize(ROUNDS);
      for (int i = 0; i < ROUNDS; i++) {
        assertThat(statuses.get(i))
            .as("journaled status of request %d", i)
            .isEqualTo(i % 2 == 0 ? 405 : 200);
      }
    }
  }

  /** Reads one response with a Content-Length body; returns its status. */
  private static int readResponse(InputStream in) throws IOException {
    String status = line(in);
    long length = 0;
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      }
    }
    in.readNBytes((int) length);
    return Integer.parseInt(status.split(" ", 3)[1]);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed mid-response");
      }
      if (c != '\r') {
        s.append((char) c);
      }
    }
    return s.toString();
  }
}
