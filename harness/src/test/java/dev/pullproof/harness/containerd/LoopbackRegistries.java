package dev.pullproof.harness.containerd;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.protocol.RepositoryName;

/** Test set-up shared by the pull tests: a small image, and containerd told to use plain HTTP. */
final class LoopbackRegistries {
  static final String CERTS_D = ContainerdContainer.ETC + "/certs.d";

  private LoopbackRegistries() {}

  /** Publishes a one-layer synthetic image; returns its reference {@code host:port/name:tag}. */
  static String publishSmallImage(FakeRegistry registry, String repository, String tag) {
    new ImagePublisher(registry.content())
        .publish(RepositoryName.of(repository), tag, ImageSpec.builder().layer(64 * 1024).build());
    return registry.hostAndPort() + "/" + repository + ":" + tag;
  }

  /**
   * config.toml pointing CRI at certs.d, and a hosts.toml saying the registry speaks plain HTTP:
   * containerd assumes HTTPS for every host except localhost names.
   */
  static ContainerdContainer plainHttp(ContainerdContainer containerd, FakeRegistry registry) {
    String host = registry.hostAndPort();
    return containerd
        .withConfigToml(containerd.release().family().registryConfigToml(CERTS_D))
        .withEtcFile("certs.d/" + host + "/hosts.toml", hostsToml(registry));
  }

  static String hostsToml(FakeRegistry registry) {
    return "server = \""
        + registry.url()
        + "\"\n\n[host.\""
        + registry.url()
        + "\"]\n  capabilities = [\"pull\", \"resolve\"]\n";
  }
}
