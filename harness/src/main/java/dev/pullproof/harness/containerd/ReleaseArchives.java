package dev.pullproof.harness.containerd;

import dev.pullproof.harness.version.UpstreamArchive;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where containerd's upstream release archives are downloaded from, and the download itself: {@code
 * <base>/containerd-<version>-linux-amd64.tar.gz} and its {@code .sha256sum}, the archive verified
 * against the checksum before anything uses it. The base is containerd's release download location
 * by default and {@value #VARIABLE} when set: an http(s) URL or a {@code file:} directory; {@code
 * {version}} in it stands for the release's version.
 *
 * @see <a href="https://github.com/containerd/containerd/releases">containerd releases</a>
 */
public final class ReleaseArchives {
  public static final String VARIABLE = "PULLPROOF_CONTAINERD_RELEASES";

  /** containerd's own release assets, one directory per tag. */
  public static final String DEFAULT_BASE =
      "https://github.com/containerd/containerd/releases/download/v{version}";

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String base;
  private final Supplier<HttpClient> http;

  public ReleaseArchives(String base, HttpClient http) {
    this(base, () -> http);
  }

  private ReleaseArchives(String base, Supplier<HttpClient> http) {
    if (base == null || base.isBlank()) {
      throw new IllegalArgumentException("base must not be empty");
    }
    this.base = base.trim();
    this.http = http;
  }

  /** The base {@value #VARIABLE} names in {@code environment}, else the default one. */
  public static ReleaseArchives fromEnvironment(Map<String, String> environment) {
    String set = environment.get(VARIABLE);
    return new ReleaseArchives(set == null || set.isBlank() ? DEFAULT_BASE : set, new OnFirstUse());
  }

  /**
   * The client, built when a download first needs it: most runs download nothing, and a client's
   * selector thread waits in the kernel, which holds the JVM's exit back by 300 ms.
   */
  private static final class OnFirstUse implements Supplier<HttpClient> {
    private HttpClient client;

    @Override
    public synchronized HttpClient get() {
      if (client == null) {
        client =
            HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
      }
      return client;
    }
  }

  /** The archive's URL. */
  public URI archive(UpstreamArchive release) {
    String dir = base.replace("{version}", release.version());
    String sep = dir.endsWith("/") ? "" : "/";
    try {
      return new URI(dir + sep + release.archiveName());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(
          VARIABLE + "='" + base + "' is not a URL (" + e.getMessage() + ")", e);
    }
  }

  /** The checksum file's URL: the archive's with {@code .sha256sum} added. */
  public URI checksum(UpstreamArchive release) {
    return URI.create(archive(release) + ".sha256sum");
  }

  /**
   * Downloads the archive into {@code dir} and verifies it, once: an archive already there that
   * matches its checksum is kept.
   *
   * @return the verified archive and its SHA-256
   * @throws IllegalStateException one line naming the URL, the version and {@value #VARIABLE}
   */
  public Fetched fetch(UpstreamArchive release, Path dir) {
    URI archiveUri = archive(release);
    URI sumUri = checksum(release);
    Path archive = dir.resolve(release.archiveName());
    Path sumFile = dir.resolve(release.archiveName() + ".sha256sum");
    try {
      Files.createDirectories(dir);
      if (!Files.isRegularFile(sumFile)) {
        download(release, sumUri, sumFile);
      }
      String expected = expectedSum(release, sumUri, Files.readString(sumFile));
      if (Files.isRegularFile(archive) && sha256(archive).equals(expected)) {
        return new Fetched(archive, expected, archiveUri);
      }
      download(release, archiveUri, archive);
      String actual = sha256(archive);
      if (!actual.equals(expected)) {
        Files.deleteIfExists(archive);
        Files.deleteIfExists(sumFile);
        throw new IllegalStateException(
            "containerd "
                + release.version()
                + ": "
                + archiveUri
                + " has SHA-256 "
                + actual
                + " but "
                + sumUri
                + " says "
                + expected
                + "; nothing ran (a damaged download or the wrong archive: check "
                + VARIABLE
                + ")");
      }
      return new Fetched(archive, expected, archiveUri);
    } catch (IOException e) {
      throw new IllegalStateException(
          "containerd " + release.version() + ": cannot write " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String expectedSum(UpstreamArchive release, URI from, String text) {
    String first = text.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    if (!first.matches("[0-9a-f]{64}")) {
      throw new IllegalStateException(
          "containerd "
              + release.version()
              + ": "
              + from
              + " holds no SHA-256 (it should read '<64 hex digits>  "
              + release.archiveName()
              + "'); nothing ran");
    }
    return first;
  }

  private void download(UpstreamArchive release, URI from, Path to) throws IOException {
    Path part = to.resolveSibling(to.getFileName() + ".part");
    try (InputStream in = open(release, from)) {
      Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(part, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private InputStream open(UpstreamArchive release, URI from) throws IOException {
    String scheme = from.getScheme() == null ? "" : from.getScheme().toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "file":
        try {
          return Files.newInputStream(Path.of(from));
        } catch (NoSuchFileException e) {
          throw failure(release, from, "no such file");
        }
      case "http":
      case "https":
        return get(release, from);
      default:
        throw new IllegalStateException(
            VARIABLE
                + "='"
                + base
                + "' must be an http(s) URL or a file: directory (it gave "
                + from
                + ")");
    }
  }

  private InputStream get(UpstreamArchive release, URI from) throws IOException {
    HttpResponse<InputStream> response;
    try {
      response =
          http.get()
              .send(
                  HttpRequest.newBuilder(from).timeout(TIMEOUT).GET().build(),
                  HttpResponse.BodyHandlers.ofInputStream());
    } catch (ConnectException e) {
      throw failure(release, from, "unreachable (connection refused)");
    } catch (HttpTimeoutException e) {
      throw failure(release, from, "unreachable (no answer in " + TIMEOUT.toSeconds() + " s)");
    } catch (IOException e) {
      throw failure(release, from, "unreachable (" + describe(e) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(release, from, "interrupted");
    }
    if (response.statusCode() != 200) {
      response.body().close();
      throw failure(release, from, "answered " + response.statusCode());
    }
    return response.body();
  }

  private IllegalStateException failure(UpstreamArchive release, URI from, String what) {
    return new IllegalStateException(
        "containerd "
            + release.version()
            + ": "
            + from
            + " "
            + what
            + "; nothing ran (set "
            + VARIABLE
            + " to an http(s) URL or a file: directory that holds "
            + release.archiveName()
            + " and its .sha256sum)");
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  static String sha256(Path file) throws IOException {
    java.security.MessageDigest digest;
    try {
      digest = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        digest.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** A verified archive, its SHA-256 and where it came from. */
  public record Fetched(Path archive, String sha256, URI from) {}
}
