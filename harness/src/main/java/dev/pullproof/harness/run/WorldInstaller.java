package dev.pullproof.harness.run;

import dev.pullproof.harness.scenario.AuthSpec;
import dev.pullproof.harness.scenario.DockerHubSpec;
import dev.pullproof.harness.scenario.FaultSpec;
import dev.pullproof.harness.scenario.GrantSpec;
import dev.pullproof.harness.scenario.ImageEntry;
import dev.pullproof.harness.scenario.MirrorSpec;
import dev.pullproof.harness.scenario.RegistrySpec;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioParser;
import dev.pullproof.harness.scenario.Template;
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
import dev.pullproof.registry.tls.CertificateAuthority;
import dev.pullproof.registry.tls.IssuedCertificate;
import dev.pullproof.registry.tls.TlsConfig;
import dev.pullproof.registry.tls.TlsMode;
import dev.pullproof.registry.world.AcceptsThenCloses;
import dev.pullproof.registry.world.NothingListening;
import dev.pullproof.registry.world.OwnedTemp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one place where a scenario's world becomes running fake hosts: each registry gets its own
 * loopback address, TLS from the world's CA, its auth or Docker Hub's, its images, its mirror
 * upstream and its fault rules; a down host gets a socket that refuses, or accepts and closes.
 * Upstreams start before their mirrors; fault rules are installed once every address is known (a
 * redirect may name any host of the world).
 */
public final class WorldInstaller {
  /** Where {@link World#files()} go in the node. */
  static final String NODE_DIRECTORY = "/etc/containerd/";

  /** The world CA's path in {@link World#files()}. */
  static final String CA_FILE = ScenarioParser.RESERVED + "ca.crt";

  private final LoopbackPool addresses;
  private final Clock clock;

  public WorldInstaller(LoopbackPool addresses, Clock clock) {
    this.addresses = addresses;
    this.clock = clock;
  }

  /** Starts the scenario's world; on any failure stops what already started. */
  public World start(Scenario scenario) {
    return start(scenario.registries().values());
  }

  /** What one start has built so far; everything here is stopped if a later step fails. */
  private static final class Built {
    final Map<String, FakeRegistry> registries = new LinkedHashMap<>();
    final Map<String, Map<String, String>> placeholders = new LinkedHashMap<>();
    final Map<String, String> extraHosts = new LinkedHashMap<>();
    final Map<String, String> files = new LinkedHashMap<>();
    final Map<String, String> directUrls = new LinkedHashMap<>();
    final List<AutoCloseable> others = new ArrayList<>();
    final List<String> leased = new ArrayList<>();
    // A registry's realm, by name: its own /token once it listens, or its auth.realm rendered.
    final Map<String, AtomicReference<String>> realms = new LinkedHashMap<>();
    CertificateAuthority ca;
    IssuedCertificate client;
    Path certificates;
  }

  private static final int BIND_ATTEMPTS = 3;

  private static boolean addressInUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException) {
        return true;
      }
    }
    return false;
  }

  /** Starts these registries; on any failure stops those already started. */
  public World start(Collection<RegistrySpec> specs) {
    Built b = new Built();
    Runnable release = () -> b.leased.forEach(addresses::release);
    try {
      if (specs.stream().anyMatch(s -> s.tls().isPresent())) {
        certificates(b);
      }
      for (RegistrySpec spec : upstreamsFirst(specs)) {
        int port = spec.effectivePort();
        String ip = port == 0 ? addresses.lease() : addresses.lease(port);
        b.leased.add(ip);
        if (spec.serves()) {
          FakeRegistry registry = null;
          for (int attempt = 1; registry == null; attempt++) {
            try {
              registry = start(spec, ip, specs, b);
            } catch (IllegalStateException e) {
              if (port == 0 || attempt == BIND_ATTEMPTS || !addressInUse(e)) {
                throw e;
              }
              // Something outside the pool took the port after the lease checked it: keep that
              // address leased (out of the pool) until the world ends and take another.
              ip = addresses.lease(port);
              b.leased.add(ip);
            }
          }
          b.registries.put(spec.name(), registry);
          port = registry.port();
          publish(spec, registry);
        } else {
          port = down(spec, ip, b);
        }
        b.placeholders.put(spec.name(), values(spec, ip, port));
        b.directUrls.put(spec.name(), scheme(spec) + "://" + ip + ":" + port);
        String bound = ip;
        spec.host().ifPresent(h -> b.extraHosts.put(h, bound));
      }
      for (RegistrySpec spec : specs) {
        // A realm may name any host of the world, known only now.
        spec.auth()
            .realm()
            .ifPresent(r -> b.realms.get(spec.name()).set(Template.render(r, b.placeholders)));
        for (FaultSpec fault : spec.faults()) {
          b.registries.get(spec.name()).faults().add(WorldFaults.rule(fault, b.placeholders));
        }
      }
      Path dir = b.certificates;
      b.others.add(() -> deleteTree(dir));
      return new World(
          b.registries,
          b.placeholders,
          b.extraHosts,
          b.files,
          Optional.ofNullable(dir),
          specs.stream().allMatch(s -> s.tls().map(TlsSpec::systemTrust).orElse(true)),
          b.others,
          release);
    } catch (RuntimeException e) {
      b.registries.values().forEach(FakeRegistry::close);
      b.others.forEach(WorldInstaller::closeQuietly);
      deleteTree(b.certificates);
      release.run();
      throw e;
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // Stopping the rest matters more.
    }
  }

  /** One CA per world, a client certificate for mTLS, their files for the node and this machine. */
  private void certificates(Built b) {
    b.ca = CertificateAuthority.create("pullproof world CA", clock);
    b.client = b.ca.issueClient("pullproof node");
    try {
      b.certificates = OwnedTemp.directory("pullproof-world-tls");
      b.ca.writeCertificate(b.certificates.resolve("ca.crt"));
      b.client.writePem(
          b.certificates.resolve("client.cert"), b.certificates.resolve("client.key"));
      Map<String, String> paths = new LinkedHashMap<>();
      String[][] layout = {
        {"ca", "ca.crt"}, {"client_cert", "client.cert"}, {"client_key", "client.key"}
      };
      for (String[] file : layout) {
        String path = ScenarioParser.RESERVED + file[1];
        String pem = Files.readString(b.certificates.resolve(file[1]));
        b.files.put(path, pem);
        paths.put(file[0], NODE_DIRECTORY + path);
        paths.put(file[0] + "_pem", pem);
      }
      b.placeholders.put(Template.TLS, paths);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the world's TLS files: " + e.getMessage(), e);
    }
  }

  private static List<RegistrySpec> upstreamsFirst(Collection<RegistrySpec> specs) {
    List<RegistrySpec> order = new ArrayList<>();
    List<RegistrySpec> pending = new ArrayList<>(specs);
    while (!pending.isEmpty()) {
      int before = pending.size();
      pending.removeIf(
          s -> {
            boolean ready =
                s.mirror()
                    .map(m -> order.stream().anyMatch(o -> o.name().equals(m.upstream())))
                    .orElse(true);
            if (ready) {
              order.add(s);
            }
            return ready;
          });
      if (pending.size() == before) {
        throw new IllegalArgumentException(
            "mirrors without a startable upstream: "
                + pending.stream().map(RegistrySpec::name).toList());
      }
    }
    return order;
  }

  private int down(RegistrySpec spec, String ip, Built b) {
    switch (spec.down().orElseThrow()) {
      case REFUSED:
        NothingListening refused = NothingListening.on(ip, spec.effectivePort());
        b.others.add(refused);
        return refused.port();
      default:
        AcceptsThenCloses closes =
            AcceptsThenCloses.on(
                ip,
                spec.effectivePort(),
                spec.down().orElseThrow().name().equals("EOF")
                    ? AcceptsThenCloses.Close.EOF
                    : AcceptsThenCloses.Close.RESET);
        b.others.add(closes);
        return closes.port();
    }
  }

  private FakeRegistry start(
      RegistrySpec spec, String ip, Collection<RegistrySpec> specs, Built b) {
    FakeRegistryBuilder builder =
        FakeRegistry.builder().host(ip).port(spec.effectivePort()).clock(clock);
    spec.tls().ifPresent(t -> builder.tls(tls(spec, t, b.ca)));
    AtomicReference<String> realm = new AtomicReference<>();
    b.realms.put(spec.name(), realm);
    builder.auth(auth(spec, realm, builder));
    spec.mirror().ifPresent(m -> builder.mirrorOf(mirror(m, b)));
    FakeRegistry registry;
    try {
      registry = builder.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "registry '"
              + spec.name()
              + "' cannot listen on "
              + ip
              + ":"
              + spec.effectivePort()
              + " ("
              + e.getMessage()
              + "); is another process using that address?",
          e);
    }
    // The JVM cannot resolve impersonated names, so a mirror's token requests need the address.
    boolean mirrored =
        specs.stream()
            .anyMatch(s -> s.mirror().filter(m -> m.upstream().equals(spec.name())).isPresent());
    realm.set(
        (mirrored && spec.host().isPresent()
                ? scheme(spec) + "://" + ip + ":" + registry.port()
                : values(spec, ip, registry.port()).get("url"))
            + FakeRegistryBuilder.TOKEN_PATH);
    return registry;
  }

  private static TlsConfig tls(RegistrySpec spec, TlsSpec t, CertificateAuthority ca) {
    TlsConfig config =
        spec.host()
            .map(h -> TlsConfig.of(ca, h))
            .orElseGet(() -> TlsConfig.of(ca))
            .withMode(
                TlsMode.valueOf(
                    t.mode().equals("valid")
                        ? "TRUSTED"
                        : t.mode().toUpperCase(Locale.ROOT).replace('-', '_')));
    return t.clientCertificates() ? config.requiringClientCertificates() : config;
  }

  private MirrorConfig mirror(MirrorSpec m, Built b) {
    MirrorConfig config = MirrorConfig.of(b.directUrls.get(m.upstream()));
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
    return b.ca == null ? config : config.trusting(TlsConfig.clientContext(b.ca, b.client));
  }

  private Auth auth(RegistrySpec spec, AtomicReference<String> realm, FakeRegistryBuilder builder) {
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
    TokenService service = tokens.build();
    hub.ifPresent(h -> builder.dockerHub(dockerHub(h, service, users)));
    return Auth.token(service, realm::get).withUsers(users).withGrants(grants.build());
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

  private static void publish(RegistrySpec spec, FakeRegistry registry) {
    ImagePublisher publisher = new ImagePublisher(registry.content());
    for (ImageEntry image : spec.images()) {
      ImageSpec.Builder built =
          ImageSpec.builder().format(image.format()).seed(image.seed()).name(image.reference());
      image.layerSizes().forEach(built::layer);
      if (image.multiArch()) {
        built.multiArch();
      }
      publisher.publish(RepositoryName.of(image.repository()), image.tag(), built.build());
    }
  }

  private static String scheme(RegistrySpec spec) {
    return spec.tls().isPresent() ? "https" : "http";
  }

  /** The template values: what containerd connects to, as it writes the address. */
  static Map<String, String> values(RegistrySpec spec, String ip, int port) {
    String scheme = scheme(spec);
    String host = spec.host().orElse(ip);
    boolean defaultPort =
        (port == 443 && scheme.equals("https")) || (port == 80 && scheme.equals("http"));
    String address = spec.host().isPresent() && defaultPort ? host : host + ":" + port;
    Map<String, String> values = new LinkedHashMap<>();
    values.put("address", address);
    values.put("host", host);
    values.put("port", Integer.toString(port));
    values.put("url", scheme + "://" + address);
    values.put("ip", ip);
    return values;
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}
