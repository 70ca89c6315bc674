package dev.pullproof.harness.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.harness.version.UpstreamArchive;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a loopback release server: the archive is verified, each failure is one line. */
class ReleaseArchivesTest {
  @TempDir Path served;
  @TempDir Path cache;
  private ReleaseServer server;
  private final UpstreamArchive release = new UpstreamArchive("2.2.1");

  @BeforeEach
  void start() throws IOException {
    server = new ReleaseServer(served);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ReleaseArchives archives(String base) {
    return new ReleaseArchives(base, HttpClient.newHttpClient());
  }

  private Path someArchive() throws IOException {
    Path bin = Files.writeString(served.resolve("containerd"), "not really containerd");
    return server.archive("2.2.1", Map.of("containerd", bin, "ctr", bin));
  }

  @Test
  void theDefaultBaseIsContainerdsReleaseDownloadsPerTag() {
    ReleaseArchives archives = ReleaseArchives.fromEnvironment(Map.of());
    assertThat(archives.archive(release))
        .hasToString(
            "https://github.com/containerd/containerd/releases/download/v2.2.1/"
                + "containerd-2.2.1-linux-amd64.tar.gz");
    assertThat(archives.checksum(release).toString()).endsWith(".tar.gz.sha256sum");
    assertThat(
            ReleaseArchives.fromEnvironment(
                    Map.of(ReleaseArchives.VARIABLE, "https://mirror.example/cd/"))
                .archive(release))
        .hasToString("https://mirror.example/cd/containerd-2.2.1-linux-amd64.tar.gz");
  }

  @Test
  void aVerifiedArchiveIsDownloadedOnceAndThenKept() throws IOException {
    Path archive = someArchive();
    server.checksum(archive, null);
    ReleaseArchives.Fetched first = archives(server.base()).fetch(release, cache);
    assertThat(first.sha256()).isEqualTo(ReleaseArchives.sha256(archive));
    assertThat(Files.readAllBytes(first.archive())).isEqualTo(Files.readAllBytes(archive));
    int asked = server.requests().size();
    archives(server.base()).fetch(release, cache);
    assertThat(server.requests()).hasSize(asked);
  }

  @Test
  void theEnvironmentsArchivesBuildTheirClientWhenADownloadFirstNeedsIt() throws IOException {
    Path archive = someArchive();
    server.checksum(archive, null);

    ReleaseArchives.Fetched f =
        ReleaseArchives.fromEnvironment(Map.of(ReleaseArchives.VARIABLE, server.base()))
            .fetch(release, cache);

    assertThat(f.sha256()).isEqualTo(ReleaseArchives.sha256(archive));
  }

  @Test
  void aChecksumMismatchNamesBothUrlsAndLeavesNothing() throws IOException {
    Path archive = someArchive();
    server.checksum(archive, "0".repeat(64));
    String url = server.base() + "/containerd-2.2.1-linux-amd64.tar.gz";
    assertThatThrownBy(() -> archives(server.base()).fetch(release, cache))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "containerd 2.2.1: "
                + url
                + " has SHA-256 "
                + ReleaseArchives.sha256(archive)
                + " but "
                + url
                + ".sha256sum says "
                + "0".repeat(64)
                + "; nothing ran (a damaged download or the wrong archive: check"
                + " PULLPROOF_CONTAINERD_RELEASES)");
    assertThat(cache.resolve("containerd-2.2.1-linux-amd64.tar.gz")).doesNotExist();
  }

  @Test
  void aMissingReleaseIsA404NamingTheUrlTheVersionAndTheVariable() {
    assertThatThrownBy(() -> archives(server.base()).fetch(release, cache))
        .hasMessage(
            "containerd 2.2.1: "
                + server.base()
                + "/containerd-2.2.1-linux-amd64.tar.gz.sha256sum answered 404; nothing ran (set"
                + " PULLPROOF_CONTAINERD_RELEASES to an http(s) URL or a file: directory that"
                + " holds containerd-2.2.1-linux-amd64.tar.gz and its .sha256sum)");
  }

  @Test
  void anUnreachableBaseSaysSoWithTheUrl() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String base = "http://127.0.0.1:" + port + "/r";
    assertThatThrownBy(() -> archives(base).fetch(release, cache))
        .hasMessageStartingWith(
            "containerd 2.2.1: "
                + base
                + "/containerd-2.2.1-linux-amd64.tar.gz.sha256sum"
                + " unreachable (")
        .hasMessageEndingWith(
            "; nothing ran (set PULLPROOF_CONTAINERD_RELEASES to an http(s) URL or a file:"
                + " directory that holds containerd-2.2.1-linux-amd64.tar.gz and its .sha256sum)");
  }

  @Test
  void aFileDirectoryServesAsTheBase() throws IOException {
    Path archive = someArchive();
    server.checksum(archive, null);
    ReleaseArchives.Fetched f = archives(served.toUri().toString()).fetch(release, cache);
    assertThat(f.from()).hasScheme("file");
    assertThatThrownBy(
            () -> archives(served.toUri().toString()).fetch(new UpstreamArchive("2.0.7"), cache))
        .hasMessageContaining("containerd-2.0.7-linux-amd64.tar.gz.sha256sum no such file");
  }

  @Test
  void aChecksumFileWithoutADigestIsRefused() throws IOException {
    Path archive = someArchive();
    Files.writeString(served.resolve(archive.getFileName() + ".sha256sum"), "<html>not found");
    assertThatThrownBy(() -> archives(server.base()).fetch(release, cache))
        .hasMessageContaining("holds no SHA-256");
  }

  @Test
  void aBaseOfAnotherSchemeIsRefused() {
    assertThatThrownBy(() -> archives("ftp://127.0.0.1/x").fetch(release, cache))
        .hasMessageStartingWith(
            "PULLPROOF_CONTAINERD_RELEASES='ftp://127.0.0.1/x' must be an http(s) URL or a file:");
  }
}
