package dev.pullproof.harness.node;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a Docker engine answers {@code GET /_ping} on a Unix socket (the Engine API's health
 * check, answered {@code 200 OK}), asked without a Docker client.
 */
final class EngineSocket {
  /**
   * Where the engine listens unless {@code DOCKER_HOST} says otherwise ({@code ci/docker-engine}).
   */
  static final Path DEFAULT = Path.of("/var/run/docker.sock");

  private EngineSocket() {}

  static boolean answers(Path socket) {
    if (!Files.exists(socket)) {
      return false;
    }
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      channel.write(
          ByteBuffer.wrap(
              "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer answer = ByteBuffer.allocate(64);
      while (answer.position() < 12 && channel.read(answer) >= 0) {
        // the status line's first 12 bytes: "HTTP/1.x 200"
      }
      String status = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
      return status.matches("(?s)HTTP/1\\.[01] 200.*");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
