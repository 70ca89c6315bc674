package dev.pullproof.harness.run;

import dev.pullproof.harness.scenario.AuthSpec;
import dev.pullproof.harness.scenario.GrantSpec;
import dev.pullproof.harness.scenario.ImageEntry;
import dev.pullproof.harness.scenario.RegistrySpec;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.FakeRegistryBuilder;
import dev.pullproof.registry.auth.Auth;
import dev.pullproof.registry.auth.Grants;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.protocol.RepositoryName;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one place where scenario registries become {@link FakeRegistry} objects: each gets its own
 * loopback address, its auth (users, grants, public repositories, token service) and its images,
 * then listens. Faults, mirrors and TLS are validated by the parser but not yet served: a scenario
 * using them fails to start with a message saying so.
 */
public final class WorldInstaller {
  private final LoopbackPool addresses;
  private final Clock clock;

  public WorldInstaller(LoopbackPool addresses, Clock clock) {
    this.addresses = addresses;
    this.clock = clock;
  }

  /** Starts every registry of the scenario; on any failure stops those already started. */
  public World start(Scenario scenario) {
    return start(scenario.registries().values());
  }

  /** Starts these registries; on any failure stops those already started. */
  public World start(java.util.Collection<RegistrySpec> specs) {
    Map<String, FakeRegistry> started = new LinkedHashMap<>();
    Map<String, Map<String, String>> placeholders = new LinkedHashMap<>();
    Map<String, String> extraHosts = new LinkedHashMap<>();
    List<String> leased = new ArrayList<>();
    Runnable release = () -> leased.forEach(addresses::release);
    try {
      for (RegistrySpec spec : specs) {
        unsupported(spec);
        String ip = addresses.lease();
        leased.add(ip);
        FakeRegistry registry = start(spec, ip);
        started.put(spec.name(), registry);
        placeholders.put(spec.name(), values(spec, ip, registry.port()));
        spec.host().ifPresent(h -> extraHosts.put(h, ip));
        publish(spec, registry);
      }
      return new World(started, placeholders, extraHosts, release);
    } catch (RuntimeException e) {
      started.values().forEach(FakeRegistry::close);
      release.run();
      throw e;
    }
  }

  private static void unsupported(RegistrySpec spec) {
    List<String> missing = new ArrayList<>();
    spec.tls().ifPresent(t -> missing.add("tls"));
    if (!spec.faults().isEmpty()) {
      missing.add("faults");
    }
    spec.mirror().ifPresent(m -> missing.add("mirror"));
    if (!missing.isEmpty()) {
      throw new UnsupportedOperationException(
          "registry '"
              + spec.name()
              + "' uses "
              + missing
              + ", which the fake registry of this build does not serve yet");
    }
  }

  private FakeRegistry start(RegistrySpec spec, String ip) {
    FakeRegistryBuilder builder =
        FakeRegistry.builder().host(ip).port(spec.effectivePort()).clock(clock);
    AtomicReference<String> realmBase = new AtomicReference<>();
    builder.auth(auth(spec, realmBase));
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
    realmBase.set(values(spec, ip, registry.port()).get("url"));
    return registry;
  }

  private Auth auth(RegistrySpec spec, AtomicReference<String> realmBase) {
    AuthSpec a = spec.auth();
    Users users = Users.of(a.users());
    Grants.Builder grants = Grants.builder();
    for (GrantSpec g : a.grants()) {
      grants.allow(g.user(), g.repository(), g.actions().toArray(String[]::new));
    }
    a.publicRepositories().forEach(grants::publicRepository);
    switch (a.type()) {
      case BASIC:
        return Auth.basic(users, grants.build());
      case TOKEN:
        TokenService.Builder tokens =
            TokenService.builder()
                .service(a.service().orElse(spec.host().orElse(spec.name())))
                .clock(clock);
        a.tokenExpiresIn().ifPresent(tokens::expiresIn);
        return Auth.token(tokens.build(), () -> realmBase.get() + FakeRegistryBuilder.TOKEN_PATH)
            .withUsers(users)
            .withGrants(grants.build());
      default:
        return Auth.none();
    }
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

  /** The template values: what containerd connects to, as it writes the address. */
  static Map<String, String> values(RegistrySpec spec, String ip, int port) {
    String scheme = spec.tls().isPresent() ? "https" : "http";
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
}
