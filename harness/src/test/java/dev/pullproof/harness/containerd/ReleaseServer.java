package dev.pullproof.harness.containerd;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A loopback HTTP server holding containerd release archives in the upstream layout (one directory,
 * {@code containerd-<v>-linux-amd64.tar.gz} and its {@code .sha256sum}), as a test makes them: from
 * Debian's binaries, with a right or a wrong checksum, or without the archive. Every request path
 * it was asked for is kept, so a test can tell a cached preparation from a download.
 */
public final class ReleaseServer implements AutoCloseable {
  private final Path dir;
  private final HttpServer server;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  public ReleaseServer(Path dir) throws IOException {
    this.dir = dir;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String name = exchange.getRequestURI().getPath().replaceFirst("^/releases/", "");
          requests.add(exchange.getRequestURI().getPath());
          Path file = dir.resolve(name).normalize();
          try (exchange) {
            if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
              exchange.sendResponseHeaders(404, -1);
              return;
            }
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
              Files.copy(file, out);
            }
          }
        });
    server.start();
  }

  /** The base to give {@link ReleaseArchives}: {@code http://127.0.0.1:PORT/releases}. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/releases";
  }

  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Writes {@code containerd-<version>-linux-amd64.tar.gz} with {@code files} under bin/. */
  public Path archive(String version, Map<String, Path> files) throws IOException {
    Path archive = dir.resolve("containerd-" + version + "-linux-amd64.tar.gz");
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(
            new GzipCompressorOutputStream(Files.newOutputStream(archive)))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, Path> f : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(f.getValue().toFile(), "bin/" + f.getKey());
        entry.setMode(0755);
        tar.putArchiveEntry(entry);
        Files.copy(f.getValue(), tar);
        tar.closeArchiveEntry();
      }
    }
    return archive;
  }

  /** Writes the archive's {@code .sha256sum}: its true checksum, or {@code sum} when given. */
  public void checksum(Path archive, String sum) throws IOException {
    String hex = sum != null ? sum : ReleaseArchives.sha256(archive);
    Files.writeString(
        archive.resolveSibling(archive.getFileName() + ".sha256sum"),
        hex + "  " + archive.getFileName() + "\n");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
