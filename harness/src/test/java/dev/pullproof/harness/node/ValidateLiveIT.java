package dev.pullproof.harness.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.kubelet.HelperCredentialsFactory;
import dev.pullproof.harness.validate.live.Credentials;
import dev.pullproof.harness.validate.live.HostBehaviour;
import dev.pullproof.harness.validate.live.LiveCheck;
import dev.pullproof.harness.validate.live.LiveWorld;
import dev.pullproof.harness.validate.live.VersionResult;
import dev.pullproof.harness.validate.live.VersionResult.State;
import dev.pullproof.harness.validate.model.ImageRef;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.testing.Needs;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live check on small configs that name node files, fix ports or name a mirror only in
 * config.toml, on real containerd 1.6, 1.7 and 2.x; every expectation is what they did.
 */
@Needs(docker = true)
class ValidateLiveIT {
  private static final List<ContainerdVersion> ALL =
      List.of(ContainerdVersion.V1_6, ContainerdVersion.V1_7, ContainerdVersion.V2);

  @TempDir Path dir;

  private LiveWorld world;

  private List<VersionResult> live(
      String config, Map<String, HostBehaviour> choices, List<ContainerdVersion> families)
      throws Exception {
    Path file = dir.resolve("config.toml");
    Files.writeString(file, config);
    world =
        new LiveWorld(
            file,
            Optional.empty(),
            List.of(ImageRef.parse("docker.io/library/app:1.0")),
            choices,
            Credentials.read(file, Optional.empty()));
    return new LiveCheck(
            new ContainerdNodeFactory(), new HelperCredentialsFactory()::create, Clock.systemUTC())
        .run(world, families, dir.resolve("report"));
  }

  @Test
  void nodeFilesTheConfigNamesGetStandInsAndCriLoadsOnEveryVersion() throws Exception {
    List<VersionResult> results =
        live(
            """
            version = 2
            [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
              runtime_type = "io.containerd.runc.v2"
              base_runtime_spec = "/etc/kubernetes/cri-base.json"
            [plugins."io.containerd.grpc.v1.cri".cni]
              bin_dir = "/opt/node/cni/bin"
              conf_dir = "/etc/node/cni/net.d"
            [plugins."io.containerd.grpc.v1.cri".registry.configs."registry-1.docker.io".tls]
              ca_file = "/etc/pki/corp/ca.crt"
            """,
            Map.of(),
            ALL);

    assertThat(world.standIns())
        .anyMatch(s -> s.startsWith("/etc/kubernetes/cri-base.json ("))
        .anyMatch(s -> s.startsWith("/opt/node/cni/bin/ ("))
        .anyMatch(s -> s.startsWith("/etc/node/cni/net.d/ ("))
        .anyMatch(s -> s.startsWith("/etc/pki/corp/ca.crt: the run's CA"));
    for (VersionResult r : results) {
      assertThat(r.state()).as(r.family().label() + " " + r.reason()).isEqualTo(State.CHECKED);
      assertThat(r.criLoaded()).as(r.family().label()).contains(true);
      assertThat(r.allPulled()).as(r.family().label() + " " + r.images()).isTrue();
    }
  }

  @Test
  void nodesFixingTheSamePortsTakeTurnsOnTheHostNetwork() throws Exception {
    List<VersionResult> results =
        live(
            """
            version = 2
            [metrics]
              address = "127.0.0.1:10013"
            [debug]
              address = "127.0.0.1:10012"
            [plugins."io.containerd.grpc.v1.cri"]
              stream_server_address = "127.0.0.1"
              stream_server_port = "10010"
            """,
            Map.of(),
            ALL);

    for (VersionResult r : results) {
      assertThat(r.state()).as(r.family().label() + " " + r.reason()).isEqualTo(State.CHECKED);
      assertThat(r.criLoaded()).as(r.family().label()).contains(true);
      assertThat(r.allPulled()).as(r.family().label() + " " + r.images()).isTrue();
    }
  }

  @Test
  void aFixedPortSomethingElseHoldsCouldNotBeChecked() throws Exception {
    try (ServerSocket other = new ServerSocket()) {
      other.bind(new InetSocketAddress("127.0.0.1", 0));
      int port = other.getLocalPort();
      List<VersionResult> results =
          live(
              "version = 2\n[metrics]\n  address = \"127.0.0.1:" + port + "\"\n",
              Map.of(),
              List.of(ContainerdVersion.V1_7));

      assertThat(results.get(0).state()).isEqualTo(State.COULD_NOT_CHECK);
      assertThat(results.get(0).reason())
          .startsWith("could not check: 127.0.0.1:" + port + " in use")
          .contains("metrics.address");
      assertThat(results.get(0).criLoaded()).isEmpty();
    }
  }

  @Test
  void aMirrorNamedOnlyInConfigTomlIsServedAndAHostChoiceReachesIt() throws Exception {
    String config =
        """
        version = 2
        [plugins."io.containerd.grpc.v1.cri".registry.mirrors."docker.io"]
          endpoint = ["https://mirror.corp.example"]
        """;
    List<ContainerdVersion> mirrorsRead = List.of(ContainerdVersion.V1_6, ContainerdVersion.V1_7);
    for (VersionResult r : live(config, Map.of(), mirrorsRead)) {
      assertThat(r.allPulled()).as(r.family().label()).isTrue();
      assertThat(r.hostsTried())
          .as(r.family().label())
          .anyMatch(h -> h.startsWith("mirror.corp.example:443 HEAD /v2/library/app/manifests/"))
          .noneMatch(h -> h.startsWith("registry-1.docker.io"));
    }
    for (VersionResult r :
        live(config, Map.of("mirror.corp.example", HostBehaviour.DOWN), mirrorsRead)) {
      // The mirror refuses connections: containerd goes on to the registry itself, in the open.
      assertThat(r.allPulled()).as(r.family().label()).isTrue();
      assertThat(r.hostsTried())
          .as(r.family().label())
          .noneMatch(h -> h.startsWith("mirror.corp.example"))
          .anyMatch(h -> h.startsWith("registry-1.docker.io:443 "));
    }
  }
}
