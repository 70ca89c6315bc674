package dev.pullproof.harness.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pullproof.harness.cri.CriAuth;
import dev.pullproof.harness.cri.CriCallException;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.testing.Needs;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Credentials the kubelet way: CRI AuthConfig in PullImageRequest, per containerd version. */
@Needs(docker = true)
class CriAuthConfigIT {

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void tokenRegistryWithAPullSecretPullsThroughTheTokenEndpoint(ContainerdVersion family) {
    try (FakeRegistry registry =
            FakeRegistry.builder()
                .tokenAuth(TokenService.builder().build(), Users.of("puller", "s3cret"))
                .start();
        ContainerdContainer containerd = ContainerdContainer.of(family)) {
      String image = LoopbackRegistries.publishSmallImage(registry, "private/app", "4.0");
      LoopbackRegistries.plainHttp(containerd, registry).start();

      containerd.cri().pullImage(image, CriAuth.basic("puller", "s3cret"));

      // With credentials containerd asks for the token by POST (OAuth2 password grant).
      assertThat(registry.journal().assertRequested("POST /token -> 200").principal())
          .satisfies(p -> assertThat(p.scheme()).isEqualTo("password"))
          .satisfies(p -> assertThat(p.identity()).isEqualTo("puller"));
      assertThat(
              registry
                  .journal()
                  .assertRequested("HEAD /v2/private/app/manifests/4.0 -> 200")
                  .principal()
                  .scheme())
          .isEqualTo("bearer");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void theBase64AuthFieldOfADockerConfigWorksLikeUsernameAndPassword(ContainerdVersion family) {
    try (FakeRegistry registry =
            FakeRegistry.builder().basicAuth(Users.of("puller", "s3cret")).start();
        ContainerdContainer containerd = ContainerdContainer.of(family)) {
      String image = LoopbackRegistries.publishSmallImage(registry, "private/app", "5.0");
      LoopbackRegistries.plainHttp(containerd, registry).start();
      String auth =
          Base64.getEncoder().encodeToString("puller:s3cret".getBytes(StandardCharsets.UTF_8));

      containerd.cri().pullImage(image, new CriAuth("", "", auth, "", "", ""));

      assertThat(
              registry
                  .journal()
                  .assertRequested("HEAD /v2/private/app/manifests/5.0 -> 200")
                  .principal()
                  .identity())
          .isEqualTo("puller");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void aWrongPasswordIsRefusedWithContainerdsOwnMessage(ContainerdVersion family) {
    try (FakeRegistry registry =
            FakeRegistry.builder().basicAuth(Users.of("puller", "s3cret")).start();
        ContainerdContainer containerd = ContainerdContainer.of(family)) {
      String image = LoopbackRegistries.publishSmallImage(registry, "private/app", "6.0");
      LoopbackRegistries.plainHttp(containerd, registry).start();

      CriCallException refused =
          catchThrowableOfType(
              CriCallException.class,
              () -> containerd.cri().pullImage(image, CriAuth.basic("puller", "wrong")));

      System.out.printf("containerd %s: %s%n", family, refused.rpcError());
      registry.journal().all().forEach(e -> System.out.printf("  %s%n", e.summary()));
      // Observed: 1.6 names the host and the manifest; 1.7 and 2.x the HEAD request's URL.
      String reason =
          family == ContainerdVersion.V1_6
              ? "pulling from host "
                  + registry.hostAndPort()
                  + " failed with status code [manifests 6.0]: 401 Unauthorized"
              : "unexpected status from HEAD request to "
                  + registry.url()
                  + "/v2/private/app/manifests/6.0: 401 Unauthorized";
      assertThat(refused.rpcError())
          .startsWith("rpc error: code = Unknown desc = failed to pull and unpack image")
          .endsWith(reason);
    }
  }
}
