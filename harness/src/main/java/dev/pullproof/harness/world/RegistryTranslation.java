package dev.pullproof.harness.world;

import dev.pullproof.harness.scenario.AuthSpec;
import dev.pullproof.harness.scenario.DockerHubSpec;
import dev.pullproof.harness.scenario.GrantSpec;
import dev.pullproof.harness.scenario.ImageEntry;
import dev.pullproof.harness.scenario.MirrorSpec;
import dev.pullproof.harness.scenario.RegistrySpec;
import dev.pullproof.harness.scenario.TlsSpec;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.FakeRegistryBuilder;
import dev.pullproof.registry.auth.Auth;
import dev.pullproof.registry.auth.Grants;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.hub.DockerHub;
import dev.pullproof.registry.hub.RateLimits;
import dev.pullproof.registry.mirror.MirrorConfig;
import dev.pullproof.registry.protocol.RepositoryName;
import dev.pullproof.registry.record.Replay;
import dev.pullproof.registry.tls.TlsConfig;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One scenario registry as a fake registry: its timeouts and manifest lenience, its TLS from the
 * world's CA, its auth (or Docker Hub's), its mirror upstream and its images. The only place
 * scenario registry settings meet the fake registry's builder.
 */
final class RegistryTranslation {
  private final Clock clock;

  RegistryTranslation(Clock clock) {
    this.clock = clock;
  }

  /**
   * A builder for {@code spec} on {@code ip}.
   *
   * @param realm the token realm, known only once every host listens
   * @param upstream the direct URL of the mirror's upstream, when {@code spec} is a mirror
   */
  FakeRegistryBuilder builder(
      RegistrySpec spec,
      String ip,
      Optional<WorldCertificates> certificates,
      Supplier<String> realm,
      Optional<String> upstream) {
    FakeRegistryBuilder builder =
        FakeRegistry.builder().host(ip).port(spec.effectivePort()).clock(clock);
    spec.server().headerTimeout().ifPresent(builder::headerTimeout);
    spec.server().idleTimeout().ifPresent(builder::idleTimeout);
    builder.lenientManifests(spec.server().lenientManifests());
    spec.server()
        .wrongProtocol()
        .ifPresent(w -> builder.wrongProtocolReply(Vocabulary.wrongProtocol(w)));
    spec.server().journalCapacity().ifPresent(builder::journalCapacity);
    spec.tls().ifPresent(t -> builder.tls(tls(spec, t, certificates.orElseThrow())));
    builder.auth(auth(spec, realm, builder));
    spec.replay()
        .ifPresent(
            r -> builder.replay(Replay.of(r.directory(), Vocabulary.unrecorded(r.unrecorded()))));
    spec.mirror().ifPresent(m -> builder.mirrorOf(mirror(m, upstream.orElseThrow(), certificates)));
    return builder;
  }

  private static TlsConfig tls(RegistrySpec spec, TlsSpec t, WorldCertificates certificates) {
    TlsConfig config =
        spec.host()
            .map(h -> TlsConfig.of(certificates.ca(), h))
            .orElseGet(() -> TlsConfig.of(certificates.ca()))
            .withMode(Vocabulary.tls(t.mode()));
    return t.clientCertificates() ? config.requiringClientCertificates() : config;
  }

  private static MirrorConfig mirror(
      MirrorSpec m, String upstream, Optional<WorldCertificates> certificates) {
    MirrorConfig config = MirrorConfig.of(upstream);
    if (m.credentials().isPresent()) {
      config =
          config.withCredentials(
              m.credentials().get().username(), m.credentials().get().password());
    }
    if (!m.repositories().isEmpty()) {
      config = config.withRepositories(m.repositories().toArray(String[]::new));
    }
    if (m.manifestsOnly()) {
      config = config.carrying(MirrorConfig.Carries.MANIFESTS_ONLY);
    }
    if (certificates.isPresent()) {
      WorldCertificates c = certificates.get();
      config = config.trusting(TlsConfig.clientContext(c.ca(), c.client()));
    }
    return config;
  }

  private Auth auth(RegistrySpec spec, Supplier<String> realm, FakeRegistryBuilder builder) {
    AuthSpec a = spec.auth();
    Users users = Users.of(a.users());
    Grants.Builder grants = Grants.builder();
    for (GrantSpec g : a.grants()) {
      grants.allow(g.user(), g.repository(), g.actions().toArray(String[]::new));
    }
    Optional<DockerHubSpec> hub = spec.dockerHub();
    List<String> publics =
        hub.isPresent() && a.publicRepositories().isEmpty() ? List.of("*") : a.publicRepositories();
    publics.forEach(grants::publicRepository);
    if (a.type() == AuthSpec.Type.BASIC) {
      return Auth.basic(users, grants.build());
    }
    if (a.type() != AuthSpec.Type.TOKEN && hub.isEmpty()) {
      return Auth.none();
    }
    TokenService.Builder tokens =
        TokenService.builder()
            .service(
                a.service()
                    .orElse(
                        hub.isPresent() ? "registry.docker.io" : spec.host().orElse(spec.name())))
            .clock(clock);
    a.tokenExpiresIn().ifPresent(tokens::expiresIn);
    tokens.anonymousTokens(a.policy().anonymousTokens()).sendExpiresIn(a.policy().sendExpiresIn());
    a.policy().identityTokens().forEach(tokens::refreshToken);
    a.policy().registryTokens().forEach(tokens::registryToken);
    TokenService service = tokens.build();
    hub.ifPresent(h -> builder.dockerHub(dockerHub(h, service, users)));
    return Auth.token(service, realm).withUsers(users).withGrants(grants.build());
  }

  private static DockerHub dockerHub(DockerHubSpec h, TokenService tokens, Users users) {
    DockerHub.Builder hub = DockerHub.builder().tokens(tokens).users(users);
    if (h.anonymousLimit().isPresent() || h.authenticatedLimit().isPresent()) {
      hub.pullLimit(
          h.anonymousLimit().orElse(RateLimits.UNLIMITED),
          h.authenticatedLimit().orElse(RateLimits.UNLIMITED),
          h.window());
    }
    h.abuseLimit().ifPresent(n -> hub.abuseLimit(n, h.abuseWindow()));
    h.retryAfter().ifPresent(hub::retryAfter);
    h.message().ifPresent(hub::message);
    return hub.build();
  }

  /** Publishes the images {@code spec} serves from the start. */
  static void publish(RegistrySpec spec, FakeRegistry registry) {
    ImagePublisher publisher = new ImagePublisher(registry.content());
    for (ImageEntry image : spec.images()) {
      ImageSpec.Builder built =
          ImageSpec.builder()
              .format(Vocabulary.format(image.format()))
              .seed(image.seed())
              .name(image.reference());
      image.layerSizes().forEach(built::layer);
      if (image.multiArch()) {
        built.multiArch();
      }
      publisher.publish(RepositoryName.of(image.repository()), image.tag(), built.build());
    }
  }
}
