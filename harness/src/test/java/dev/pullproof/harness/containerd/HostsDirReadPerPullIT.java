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
 * restart rests on this, so it is measured per version rather than assumed.
 */
@Needs(docker = true)
class HostsDirReadPerPullIT {

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void aHostsTomlRewrittenOnARunningNodeGovernsItsNextPull(ContainerdVersion family) {
    try (FakeRegistry upstream = FakeRegistry.builder().start();
        FakeRegistry mirror = FakeRegistry.builder().start()) {
      String first = LoopbackRegistries.publishSmallImage(upstream, "team/app", "1.0");
      String second = LoopbackRegistries.publishSmallImage(upstream, "team/app", "2.0");
      LoopbackRegistries.publishSmallImage(mirror, "team/app", "2.0");
      try (ContainerdContainer containerd =
          LoopbackRegistries.plainHttp(ContainerdContainer.of(family), upstream)) {
        containerd.start();
        containerd.cri().pullImage(first);
        upstream.journal().assertRequested("HEAD /v2/team/app/manifests/1.0 -> 200");

        // The same host's file, now naming the mirror before the upstream.
        containerd.copyFileToContainer(
            Transferable.of(hostsNaming(upstream, mirror).getBytes(StandardCharsets.UTF_8), 0644),
            LoopbackRegistries.CERTS_D + "/" + upstream.hostAndPort() + "/hosts.toml");
        containerd.cri().pullImage(second);

        mirror.journal().assertRequested("HEAD /v2/team/app/manifests/2.0 -> 200");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void aHostsDirectoryAddedToARunningNodeGovernsItsNextPull(ContainerdVersion family) {
    try (FakeRegistry known = FakeRegistry.builder().start();
        FakeRegistry target = FakeRegistry.builder().start();
        FakeRegistry mirror = FakeRegistry.builder().start()) {
      String first = LoopbackRegistries.publishSmallImage(known, "team/app", "1.0");
      String later = LoopbackRegistries.publishSmallImage(target, "team/app", "1.0");
      LoopbackRegistries.publishSmallImage(mirror, "team/app", "1.0");
      try (ContainerdContainer containerd =
          LoopbackRegistries.plainHttp(ContainerdContainer.of(family), known)) {
        containerd.start();
        containerd.cri().pullImage(first);

        // A directory for a host the node had none for, sending its pulls to the mirror
        // (without it, a loopback host is asked directly, over plain HTTP).
        containerd.copyFileToContainer(
            Transferable.of(hostsNaming(target, mirror).getBytes(StandardCharsets.UTF_8), 0644),
            LoopbackRegistries.CERTS_D + "/" + target.hostAndPort() + "/hosts.toml");
        containerd.cri().pullImage(later);

        mirror.journal().assertRequested("HEAD /v2/team/app/manifests/1.0 -> 200");
      }
    }
  }

  /** {@code server} the upstream, one {@code [host]}: the mirror, tried first. */
  private static String hostsNaming(FakeRegistry upstream, FakeRegistry mirror) {
    return "server = \""
        + upstream.url()
        + "\"\n\n[host.\""
        + mirror.url()
        + "\"]\n  capabilities = [\"pull\", \"resolve\"]\n";
  }
}
