package dev.pullproof.harness.containerd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.testing.Needs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ctr, the second client, exec'd in the container: no config.toml, flags only. */
@Needs(docker = true)
class CtrPullIT {

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void plainHttpPullWithoutAnyConfigSucceedsAndCriSeesTheImage(ContainerdVersion family) {
    try (FakeRegistry registry = FakeRegistry.builder().start();
        ContainerdContainer containerd = ContainerdContainer.of(family)) {
      String image = LoopbackRegistries.publishSmallImage(registry, "tools/ctr", "1.0");
      containerd.start();

      Ctr.Outcome pulled = containerd.ctr().pull(CtrPull.of(image).withPlainHttp());

      System.out.printf(
          "containerd %s: %s -> exit %d in %d ms%n--- stdout%n%s--- stderr%n%s%n",
          family,
          pulled.command(),
          pulled.exitCode(),
          pulled.took().toMillis(),
          pulled.stdout(),
          pulled.stderr());
      assertThat(pulled.succeeded()).as(pulled.stderr()).isTrue();
      assertThat(containerd.cri().imageStatus(image)).isPresent();
      registry.journal().assertRequested("HEAD /v2/tools/ctr/manifests/1.0 -> 200");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void userFlagAndHostsDirReachABasicAuthRegistry(ContainerdVersion family) {
    try (FakeRegistry registry =
            FakeRegistry.builder().basicAuth(Users.of("puller", "s3cret")).start();
        ContainerdContainer containerd = ContainerdContainer.of(family)) {
      String image = LoopbackRegistries.publishSmallImage(registry, "tools/private", "1.0");
      containerd
          .withEtcFile(
              "certs.d/" + registry.hostAndPort() + "/hosts.toml",
              LoopbackRegistries.hostsToml(registry))
          .start();

      Ctr.Outcome pulled =
          containerd
              .ctr()
              .pull(
                  CtrPull.of(image)
                      .withHostsDir(LoopbackRegistries.CERTS_D)
                      .withUser("puller:s3cret"));

      assertThat(pulled.succeeded()).as(pulled.stderr()).isTrue();
      assertThat(pulled.command()).contains("--user puller:***").doesNotContain("s3cret");
      JournalEntry manifest =
          registry.journal().assertRequested("HEAD /v2/tools/private/manifests/1.0 -> 200");
      assertThat(manifest.principal().identity()).isEqualTo("puller");
    }
  }
}
