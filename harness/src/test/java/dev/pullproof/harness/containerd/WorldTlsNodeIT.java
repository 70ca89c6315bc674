package dev.pullproof.harness.containerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pullproof.harness.cri.CriCallException;
import dev.pullproof.harness.scenario.ContainerdFile;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioParser;
import dev.pullproof.harness.scenario.Template;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.world.LoopbackPool;
import dev.pullproof.harness.world.World;
import dev.pullproof.harness.world.WorldInstaller;
import dev.pullproof.testing.Needs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A scenario world's TLS reaches real containerd: the CA and client certificate files the world
 * adds to /etc/containerd, named by {{tls.*}} in hosts.toml, let it pull over mutual TLS from an
 * impersonated name on port 443; with the world CA as the system trust store, a TLS registry with
 * no hosts.toml at all is trusted as a public one; a registry whose certificate comes from another
 * CA is refused.
 */
@Needs(docker = true)
class WorldTlsNodeIT {
  @TempDir Path dir;

  private static final String SCENARIO =
      """
      name = "tls-node"
      [registries.hub]
      host = "registry.pullproof.test"
      tls = { client_certificates = true }
      images = ["team/app:1.0"]
      [registries.public]
      host = "public.pullproof.test"
      tls = true
      images = ["team/app:1.0"]
      [registries.other]
      host = "untrusted.pullproof.test"
      tls = { mode = "unknown-ca" }
      images = ["team/app:1.0"]
      [containerd.files]
      "certs.d/registry.pullproof.test/hosts.toml" = \"""
      server = "{{hub.url}}"
      [host."{{hub.url}}"]
        ca = "{{tls.ca}}"
        client = [["{{tls.client_cert}}", "{{tls.client_key}}"]]
      \"""
      "certs.d/untrusted.pullproof.test/hosts.toml" = \"""
      server = "{{other.url}}"
      [host."{{other.url}}"]
        ca = "{{tls.ca}}"
      \"""
      [[pull]]
      image = "registry.pullproof.test/team/app:1.0"
      """;

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void mutualTlsAndSystemTrustPullAndAnUnknownCaIsRefused(ContainerdVersion family)
      throws IOException {
    Path file = Files.writeString(dir.resolve("tls-node.toml"), SCENARIO);
    Scenario scenario = new ScenarioParser().parse(file);
    try (World world =
            new WorldInstaller(LoopbackPool.standard(), Clock.systemUTC()).start(scenario);
        ContainerdContainer containerd = ContainerdContainer.of(family)) {
      containerd.withConfigToml(family.registryConfigToml(LoopbackRegistries.CERTS_D));
      world.files().forEach(containerd::withEtcFile);
      for (ContainerdFile f : scenario.containerd().common()) {
        containerd.withEtcFile(
            Template.render(f.path(), world.values()), Template.render(f.text(), world.values()));
      }
      world.extraHosts().forEach(containerd::withExtraHost);
      world.caCertificate().ifPresent(containerd::withSystemCa);
      containerd.start();

      containerd.cri().pullImage("registry.pullproof.test/team/app:1.0");
      assertThat(world.registry("hub").journal().count("GET /v2/team/app/blobs/* -> 200"))
          .isPositive();

      containerd.cri().pullImage("public.pullproof.test/team/app:1.0");
      // Same image content as hub's: the blobs are already local, so the manifest is the proof;
      // its journal entry may trail the pull's answer.
      world.registry("public").journal().awaitQuiet(Duration.ofSeconds(2));
      assertThat(world.registry("public").journal().count("* /v2/team/app/manifests/* -> 200"))
          .as(() -> world.registry("public").journal().all().toString())
          .isPositive();

      CriCallException refused =
          catchThrowableOfType(
              CriCallException.class,
              () -> containerd.cri().pullImage("untrusted.pullproof.test/team/app:1.0"));
      assertThat(refused).isNotNull();
      assertThat(refused.description()).contains("x509: certificate signed by unknown authority");
    }
  }
}
