package dev.pullproof.harness.containerd;

import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.testing.Needs;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.images.builder.Transferable;

/**
 * Which of containerd's registry files a running node reads again on each CRI pull: the hosts
 * directory ({@code config_path}). What a node shared between runs could be given per run without a
 * restart rests on this, so it is measured per version rather than assumed. Each check pulls once,
 * writes a {@code hosts.toml} that sends a host's pulls to a mirror, pulls from that host again and
 * looks for the request in the mirror's journal.
 */
@Needs(docker = true)
class HostsDirReadPerPullIT {

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void aHostsTomlRewrittenOnARunningNodeGovernsItsNextPull(ContainerdVersion family) {
    nextPullFollowsAWrittenHostsToml(family, false);
  }

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void aHostsDirectoryAddedToARunningNodeGovernsItsNextPull(ContainerdVersion family) {
    nextPullFollowsAWrittenHostsToml(family, true);
  }

  /**
   * @param newHost whether the file is for a host the node had no directory for (else for the host
   *     the first pull used); without the file, a loopback host is asked directly over HTTP
   */
  private static void nextPullFollowsAWrittenHostsToml(ContainerdVersion family, boolean newHost) {
    try (FakeRegistry known = FakeRegistry.builder().start();
        FakeRegistry other = FakeRegistry.builder().start();
        FakeRegistry mirror = FakeRegistry.builder().start()) {
      FakeRegistry target = newHost ? other : known;
      String first = LoopbackRegistries.publishSmallImage(known, "team/app", "1.0");
      String later = LoopbackRegistries.publishSmallImage(target, "team/app", "2.0");
      LoopbackRegistries.publishSmallImage(mirror, "team/app", "2.0");
      try (ContainerdContainer containerd =
          LoopbackRegistries.plainHttp(ContainerdContainer.of(family), known)) {
        containerd.start();
        containerd.cri().pullImage(first);
        known.journal().assertRequested("HEAD /v2/team/app/manifests/1.0 -> 200");

        String hosts =
            "server = \""
                + target.url()
                + "\"\n\n[host.\""
                + mirror.url()
                + "\"]\n  capabilities = [\"pull\", \"resolve\"]\n";
        containerd.copyFileToContainer(
            Transferable.of(hosts.getBytes(StandardCharsets.UTF_8), 0644),
            LoopbackRegistries.CERTS_D + "/" + target.hostAndPort() + "/hosts.toml");
        containerd.cri().pullImage(later);

        mirror.journal().assertRequested("HEAD /v2/team/app/manifests/2.0 -> 200");
      }
    }
  }
}
