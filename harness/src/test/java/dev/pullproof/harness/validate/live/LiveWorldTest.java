package dev.pullproof.harness.validate.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.scenario.ContainerdFile;
import dev.pullproof.harness.scenario.RegistrySpec;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioParser;
import dev.pullproof.harness.validate.model.ImageRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's files become a scenario the catalogue's parser accepts, with every host impersonated.
 */
class LiveWorldTest {
  @TempDir Path dir;

  private Scenario scenario(Map<String, HostBehaviour> choices) throws Exception {
    Path config = dir.resolve("config.toml");
    Files.writeString(
        config,
        """
        version = 2
        [plugins."io.containerd.grpc.v1.cri".registry]
          config_path = "/etc/containerd/certs.d"
        [plugins."io.containerd.grpc.v1.cri".registry.configs."registry.corp.example:5000".auth]
          username = "ci"
          password = "corp-s3cret"
        """);
    Path hosts = dir.resolve("certs.d");
    Files.createDirectories(hosts.resolve("docker.io"));
    Files.writeString(
        hosts.resolve("docker.io/hosts.toml"),
        """
        server = "https://registry-1.docker.io"
        [host."http://mirror.corp.example:5000"]
          capabilities = ["pull", "resolve"]
        [host."https://cache.corp.example"]
          ca = "/etc/containerd/certs.d/docker.io/cache-ca.crt"
        """);
    Files.writeString(hosts.resolve("docker.io/cache-ca.crt"), "the user's own CA\n");
    List<ImageRef> images =
        List.of(
            ImageRef.parse("nginx:1.25"),
            ImageRef.parse("registry.corp.example:5000/team/app:1.0"));
    LiveWorld world =
        new LiveWorld(
            config,
            Optional.of(hosts),
            images,
            choices,
            Credentials.read(config, Optional.of(hosts)));
    Path file = dir.resolve("s.toml");
    Files.writeString(file, world.scenario(List.of("1.7", "2")));
    return new ScenarioParser().parse(file);
  }

  @Test
  void everyHostTheImagesAndHostsFilesNameIsImpersonated() throws Exception {
    Scenario s = scenario(Map.of());
    assertThat(s.registries().values())
        .extracting(r -> r.host().orElseThrow() + ":" + r.effectivePort())
        .containsExactlyInAnyOrder(
            "registry-1.docker.io:443",
            "registry.corp.example:5000",
            "mirror.corp.example:5000",
            "cache.corp.example:443");
    assertThat(s.registries().values())
        .filteredOn(r -> r.host().orElseThrow().equals("mirror.corp.example"))
        .singleElement()
        .satisfies(r -> assertThat(r.tls()).isEmpty());
    assertThat(s.pulls())
        .extracting(p -> p.image())
        .containsExactly("nginx:1.25", "registry.corp.example:5000/team/app:1.0");
  }

  @Test
  void theUsersFilesArePlacedUnmodifiedAndTheirCaFileIsTheWorlds() throws Exception {
    Scenario s = scenario(Map.of());
    List<ContainerdFile> files = s.containerd().common();
    assertThat(files)
        .extracting(ContainerdFile::path)
        .contains("config.toml", "certs.d/docker.io/hosts.toml", "certs.d/docker.io/cache-ca.crt");
    assertThat(files)
        .filteredOn(f -> f.path().equals("config.toml"))
        .singleElement()
        .satisfies(
            f -> assertThat(f.text()).isEqualTo(Files.readString(dir.resolve("config.toml"))));
    assertThat(files)
        .filteredOn(f -> f.path().endsWith("cache-ca.crt"))
        .singleElement()
        .satisfies(f -> assertThat(f.text()).isEqualTo("{{tls.ca_pem}}"));
  }

  @Test
  void aHostChosenDownRefusesAndAnAuthHostAcceptsTheConfigsCredentials() throws Exception {
    Scenario s =
        scenario(
            Map.of(
                "mirror.corp.example",
                HostBehaviour.DOWN,
                "registry.corp.example:5000",
                HostBehaviour.AUTH));
    RegistrySpec mirror = byHost(s, "mirror.corp.example");
    assertThat(mirror.down()).isPresent();
    RegistrySpec corp = byHost(s, "registry.corp.example");
    assertThat(corp.auth().users()).containsEntry("ci", "corp-s3cret");
  }

  @Test
  void mirrorsAndConfigsNamedOnlyInConfigTomlAreImpersonatedAndAChoiceForThemApplies()
      throws Exception {
    Path config = dir.resolve("mirrors-only.toml");
    Files.writeString(
        config,
        """
        version = 2
        [plugins."io.containerd.grpc.v1.cri".registry.mirrors."docker.io"]
          endpoint = ["https://mirror.corp.example", "http://192.0.2.5:5000"]
        [plugins."io.containerd.grpc.v1.cri".registry.mirrors."quay.io"]
          endpoint = ["https://quay-cache.corp.example:8443"]
        [plugins."io.containerd.grpc.v1.cri".registry.configs."private.corp.example".tls]
          insecure_skip_verify = true
        """);
    LiveWorld world =
        new LiveWorld(
            config,
            Optional.empty(),
            List.of(ImageRef.parse("nginx:1.25")),
            Map.of(
                "mirror.corp.example", HostBehaviour.AUTH, "nowhere.example", HostBehaviour.DOWN),
            Credentials.read(config, Optional.empty()));
    Path file = dir.resolve("mirrors.toml");
    Files.writeString(file, world.scenario(List.of("1.6", "1.7")));
    Scenario s = new ScenarioParser().parse(file);

    assertThat(s.registries().values())
        .extracting(r -> r.host().orElseThrow() + ":" + r.effectivePort())
        .containsExactlyInAnyOrder(
            "registry-1.docker.io:443",
            "mirror.corp.example:443",
            "quay-cache.corp.example:8443",
            "quay.io:443",
            "private.corp.example:443");
    assertThat(byHost(s, "mirror.corp.example").auth().users()).isNotEmpty();
    assertThat(world.notes())
        .anyMatch(n -> n.startsWith("192.0.2.5:5000 is an IP address"))
        .anyMatch(n -> n.startsWith("--host nowhere.example=down had no effect"));
  }

  @Test
  void aCniTemplateStandInIsWrittenAsAScenarioTheParserReads() throws Exception {
    // GKE's node config names a CNI template outside /etc/containerd: its stand-in text has a
    // line break, which the generated scenario must escape.
    Path config = dir.resolve("gke.toml");
    Files.writeString(
        config,
        """
        version = 2
        [plugins."io.containerd.grpc.v1.cri".cni]
          conf_template = "/home/kubernetes/cni.template"
        """);
    LiveWorld world =
        new LiveWorld(
            config,
            Optional.empty(),
            List.of(ImageRef.parse("nginx:1.25")),
            Map.of(),
            Credentials.read(config, Optional.empty()));
    Path file = dir.resolve("gke-scenario.toml");
    Files.writeString(file, world.scenario(List.of("1.7")));
    Scenario s = new ScenarioParser().parse(file);

    assertThat(s.containerd().common())
        .filteredOn(f -> f.path().equals("node-root/home/kubernetes/cni.template"))
        .singleElement()
        .satisfies(f -> assertThat(f.text()).startsWith("{").endsWith("}\n"));
  }

  @Test
  void nodeFilesTheConfigNamesGetStandInsWhereverTheyAre() throws Exception {
    Path config = dir.resolve("files.toml");
    Files.writeString(
        config,
        """
        version = 2
        [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
          base_runtime_spec = "/etc/kubernetes/cri-base.json"
        [plugins."io.containerd.grpc.v1.cri".cni]
          bin_dir = "/opt/cni/bin"
          conf_dir = "/etc/containerd/cni"
        [plugins."io.containerd.grpc.v1.cri".registry.configs."registry-1.docker.io".tls]
          ca_file = "/etc/pki/corp/ca.crt"
        """);
    LiveWorld world =
        new LiveWorld(
            config,
            Optional.empty(),
            List.of(ImageRef.parse("nginx:1.25")),
            Map.of(),
            Credentials.read(config, Optional.empty()));
    Path file = dir.resolve("files-scenario.toml");
    Files.writeString(file, world.scenario(List.of("1.7")));
    Scenario s = new ScenarioParser().parse(file);

    assertThat(s.containerd().common())
        .extracting(ContainerdFile::path)
        .contains(
            "node-root/etc/kubernetes/cri-base.json",
            "node-root/opt/cni/bin/.pullproof-stand-in",
            "cni/.pullproof-stand-in",
            "node-root/etc/pki/corp/ca.crt");
    assertThat(s.containerd().common())
        .filteredOn(f -> f.path().endsWith("cri-base.json"))
        .singleElement()
        .satisfies(f -> assertThat(f.text()).startsWith("{").contains("\"ociVersion\""));
    assertThat(world.standIns())
        .containsExactly(
            "/etc/pki/corp/ca.crt: the run's CA",
            "/etc/kubernetes/cri-base.json (plugins.\"io.containerd.grpc.v1.cri\".containerd"
                + ".runtimes.runc.base_runtime_spec at files.toml:3): containerd 1.7.24's default"
                + " runtime spec (ctr oci spec)",
            "/opt/cni/bin/ (plugins.\"io.containerd.grpc.v1.cri\".cni.bin_dir at files.toml:5):"
                + " an empty directory",
            "/etc/containerd/cni/ (plugins.\"io.containerd.grpc.v1.cri\".cni.conf_dir at"
                + " files.toml:6): an empty directory");
  }

  private static RegistrySpec byHost(Scenario s, String host) {
    return s.registries().values().stream()
        .filter(r -> r.host().orElseThrow().equals(host))
        .findFirst()
        .orElseThrow();
  }
}
