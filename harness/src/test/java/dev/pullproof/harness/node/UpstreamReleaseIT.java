package dev.pullproof.harness.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.harness.containerd.CacheRoot;
import dev.pullproof.harness.containerd.ContainerdImage;
import dev.pullproof.harness.containerd.PreparedRelease;
import dev.pullproof.harness.containerd.ReleaseArchives;
import dev.pullproof.harness.containerd.ReleasePreparation;
import dev.pullproof.harness.containerd.ReleaseServer;
import dev.pullproof.harness.kubelet.HelperCredentialsFactory;
import dev.pullproof.harness.run.Job;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.run.ScenarioRunner;
import dev.pullproof.harness.run.Shard;
import dev.pullproof.harness.run.Verdict;
import dev.pullproof.harness.scenario.ScenarioCatalog;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.world.LoopbackPool;
import dev.pullproof.testing.Needs;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * Exact releases end to end, offline: a loopback server holds archives in containerd's upstream
 * layout made from Debian's binaries (2.1.9 from sid, 1.7.24 from trixie), pullproof downloads,
 * verifies, stages and runs them as it would an upstream release, and catalogue scenarios written
 * for the families hold on them.
 */
@Needs(docker = true)
class UpstreamReleaseIT {
  private static final Path SCENARIOS = Path.of("../scenarios");
  private static Path served;
  private static Path cache;
  private static ReleaseServer server;
  private static ReleasePreparation releases;

  @BeforeAll
  static void serve() throws IOException {
    Path debian = CacheRoot.current().resolve("containerd");
    served = Files.createTempDirectory("pullproof-releases");
    cache = Files.createTempDirectory("pullproof-release-cache");
    // The staged releases take libc from the prepared Debian families, as on a user's machine.
    Files.createDirectories(cache.resolve("containerd"));
    for (String family : List.of("1.6", "1.7", "2")) {
      Files.createSymbolicLink(cache.resolve("containerd").resolve(family), debian.resolve(family));
    }
    server = new ReleaseServer(served);
    for (String[] r : List.of(new String[] {"2.1.9", "2"}, new String[] {"1.7.24", "1.7"})) {
      Path bin = debian.resolve(r[1]).resolve("image/usr/bin");
      Path archive =
          server.archive(
              r[0], Map.of("containerd", bin.resolve("containerd"), "ctr", bin.resolve("ctr")));
      server.checksum(archive, null);
    }
    // An archive that says 2.2.1 but holds 2.1.9: the version check must catch it.
    Path bin = debian.resolve("2/image/usr/bin");
    server.checksum(
        server.archive(
            "2.2.1", Map.of("containerd", bin.resolve("containerd"), "ctr", bin.resolve("ctr"))),
        null);
    releases =
        new ReleasePreparation(
            cache, new ReleaseArchives(server.base(), HttpClient.newHttpClient()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anExactReleaseIsDownloadedVerifiedAndThenServedFromTheCache() {
    ContainerdVersion v = ContainerdVersion.parse("2.1.9");
    PreparedRelease first = releases.prepare(v);
    assertThat(first.containerdVersion()).isEqualTo("2.1.9+unknown");
    assertThat(first.provenance())
        .containsEntry("upstream", "2.1.9")
        .containsEntry("url", server.base() + "/containerd-2.1.9-linux-amd64.tar.gz")
        .containsKey("sha256");
    assertThat(first.imageTag()).startsWith("upstream-2.1.9_unknown-");
    assertThat(first.imageRoot().resolve("lib64/ld-linux-x86-64.so.2")).isRegularFile();
    int asked = server.requests().size();
    long start = System.nanoTime();
    PreparedRelease again = releases.prepare(v);
    // A figure for the record, not an assertion: a cached preparation reads one manifest.
    System.out.printf("cached preparation of %s: %.1f ms%n", v, (System.nanoTime() - start) / 1e6);
    assertThat(again).isEqualTo(first);
    assertThat(server.requests()).hasSize(asked);
  }

  @Test
  void anArchiveHoldingAnotherReleaseIsRefused() {
    assertThatThrownBy(() -> releases.prepare(ContainerdVersion.parse("2.2.1")))
        .hasMessage(
            "containerd 2.2.1: "
                + server.base()
                + "/containerd-2.2.1-linux-amd64.tar.gz holds a containerd that reports version"
                + " 2.1.9+unknown; nothing ran (the archive is not that release)");
  }

  @Test
  void binariesTheUserHasAreNamedByWhatTheyReport() throws IOException {
    Path dir = Files.createTempDirectory("pullproof-local");
    Path bin = CacheRoot.current().resolve("containerd/1.7/image/usr/bin");
    Files.createDirectories(dir.resolve("bin"));
    Files.copy(bin.resolve("containerd"), dir.resolve("bin/containerd"));
    Files.copy(bin.resolve("ctr"), dir.resolve("bin/ctr"));
    ReleasePreparation.Local local = releases.local(dir);
    assertThat(local.version().label()).isEqualTo("1.7.24+local");
    assertThat(local.version().family()).isEqualTo(ContainerdVersion.V1_7);
    assertThat(local.release().describe()).startsWith("1.7.24~ds1 (local binaries ");
  }

  @Test
  void catalogueScenariosHoldOnExactReleasesAsOnTheirFamilies() {
    ScenarioRunner runner =
        ScenarioRunner.forNodes(
            new ContainerdNodeFactory(
                cache,
                Clock.systemUTC(),
                () ->
                    new ContainerdImage(DockerClientFactory.instance().client(), Clock.systemUTC()),
                releases),
            new HelperCredentialsFactory()::create,
            LoopbackPool.standard(),
            1,
            Clock.systemUTC(),
            "upstream-release-test");
    Set<ContainerdVersion> exact =
        new TreeSet<>(List.of(ContainerdVersion.parse("2.1.9"), ContainerdVersion.parse("1.7.24")));
    List<Job> jobs =
        Job.plan(
            new ScenarioCatalog()
                .load(
                    List.of(
                        SCENARIOS.resolve("credentials/basic-pull-secret-fix.toml"),
                        SCENARIOS.resolve("slice/token-no-credentials.toml"))),
            exact,
            Shard.ALL);
    assertThat(jobs).hasSize(4);
    for (Job job : jobs) {
      RunResult r = runner.runOne(job);
      assertThat(r.verdict().status())
          .as(
              "%s: %s %s",
              job, r.verdict().error().orElse(""), r.outcome().harnessError().orElse(""))
          .isEqualTo(Verdict.Status.PASS);
      assertThat(r.outcome().containerdVersion())
          .contains("(upstream archive " + server.base() + "/containerd-");
    }
  }
}
