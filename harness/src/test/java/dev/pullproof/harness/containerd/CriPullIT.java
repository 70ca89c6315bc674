package dev.pullproof.harness.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pullproof.harness.cri.CriAuth;
import dev.pullproof.harness.cri.CriCallException;
import dev.pullproof.harness.cri.CriClient;
import dev.pullproof.harness.cri.CriImage;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.testing.Needs;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** CRI PullImage, as the kubelet makes it, against fake registries on loopback. */
@Needs(docker = true)
class CriPullIT {

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void anonymousPullFromAPlainHttpRegistryIsListedThenRemoved(ContainerdVersion family) {
    try (FakeRegistry registry = FakeRegistry.builder().start();
        ContainerdContainer containerd = ContainerdContainer.of(family)) {
      String image = LoopbackRegistries.publishSmallImage(registry, "team/app", "1.0");
      LoopbackRegistries.plainHttp(containerd, registry).start();
      CriClient cri = containerd.cri();

      Instant start = Instant.now();
      String imageRef = cri.pullImage(image);
      System.out.printf(
          "containerd %s: PullImage %s took %d ms%n",
          family, image, Duration.between(start, Instant.now()).toMillis());

      assertThat(imageRef).startsWith("sha256:");
      assertThat(cri.imageStatus(image)).map(CriImage::id).hasValue(imageRef);
      assertThat(cri.listImages()).anySatisfy(i -> assertThat(i.repoTags()).contains(image));
      assertThat(cri.listImages(image))
          .singleElement()
          .extracting(CriImage::id)
          .isEqualTo(imageRef);
      registry.journal().assertRequested("HEAD /v2/team/app/manifests/1.0 -> 200");

      cri.removeImage(image);
      assertThat(cri.imageStatus(image)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void authConfigReachesABasicAuthRegistryAsTheKubeletSendsIt(ContainerdVersion family) {
    try (FakeRegistry registry =
            FakeRegistry.builder().basicAuth(Users.of("puller", "s3cret")).start();
        ContainerdContainer containerd = ContainerdContainer.of(family)) {
      String image = LoopbackRegistries.publishSmallImage(registry, "private/app", "2.0");
      LoopbackRegistries.plainHttp(containerd, registry).start();

      containerd.cri().pullImage(image, CriAuth.basic("puller", "s3cret"));

      JournalEntry manifest =
          registry.journal().assertRequested("HEAD /v2/private/app/manifests/2.0 -> 200");
      assertThat(manifest.principal().scheme()).isEqualTo("basic");
      assertThat(manifest.principal().identity()).isEqualTo("puller");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void tokenRegistryWithoutCredentialsRefusesThePullWithContainerdsOwnMessage(
      ContainerdVersion family) {
    try (FakeRegistry registry =
            FakeRegistry.builder()
                .tokenAuth(TokenService.builder().build(), Users.of("puller", "s3cret"))
                .start();
        ContainerdContainer containerd = ContainerdContainer.of(family)) {
      String image = LoopbackRegistries.publishSmallImage(registry, "private/app", "3.0");
      LoopbackRegistries.plainHttp(containerd, registry).start();

      CriCallException refused =
          catchThrowableOfType(CriCallException.class, () -> containerd.cri().pullImage(image));

      System.out.printf("containerd %s: %s%n", family, refused.rpcError());
      registry.journal().all().forEach(e -> System.out.printf("  %s%n", e.summary()));
      assertThat(refused.code()).isEqualTo(Status.Code.UNKNOWN);
      // Observed: 1.6 and 1.7 say 'failed to resolve reference "<image>"', 2.x 'failed to
      // resolve image'; all end with the registry's own error.
      assertThat(refused.description())
          .startsWith("failed to pull and unpack image \"" + image + "\"")
          .contains(
              family == ContainerdVersion.V2
                  ? "failed to resolve image: "
                  : "failed to resolve reference \"" + image + "\": ")
          .endsWith(
              "pull access denied, repository does not exist or may require authorization:"
                  + " server message: insufficient_scope: authorization failed");
    }
  }
}
