package dev.pullproof.harness.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineSocketTest {
  @TempDir Path dir;

  /** Serves one connection on a Unix socket: reads the request, answers {@code status}. */
  private CompletableFuture<String> serveOnce(Path socket, String status) throws Exception {
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    return CompletableFuture.supplyAsync(
        () -> {
          try (server;
              SocketChannel client = server.accept()) {
            ByteBuffer request = ByteBuffer.allocate(256);
            client.read(request);
            client.write(
                ByteBuffer.wrap(
                    (status + "\r\nContent-Length: 2\r\n\r\nOK").getBytes(StandardCharsets.UTF_8)));
            return new String(request.array(), 0, request.position(), StandardCharsets.UTF_8);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void anEngineAnsweringItsPingWith200Answers() throws Exception {
    Path socket = dir.resolve("docker.sock");
    CompletableFuture<String> request = serveOnce(socket, "HTTP/1.1 200 OK");

    assertThat(EngineSocket.answers(socket)).isTrue();
    assertThat(request.get(30, TimeUnit.SECONDS)).startsWith("GET /_ping HTTP/1.0\r\n");
  }

  @Test
  void anotherAnswerOrNoSocketIsNoEngine() throws Exception {
    Path socket = dir.resolve("docker.sock");
    serveOnce(socket, "HTTP/1.1 500 Internal Server Error");

    assertThat(EngineSocket.answers(socket)).isFalse();
    assertThat(EngineSocket.answers(dir.resolve("missing.sock"))).isFalse();
  }
}
