package dev.pullproof.harness.world;

import dev.pullproof.harness.scenario.Down;
import dev.pullproof.harness.scenario.FaultSpec;
import dev.pullproof.harness.scenario.RegistrySpec;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.Template;
import dev.pullproof.harness.scenario.TlsSpec;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.FakeRegistryBuilder;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a scenario's world becomes running fake hosts: each registry gets its own loopback address
 * and, through {@link RegistryTranslation}, its TLS, auth, images and mirror upstream; a down host
 * gets a socket that refuses, or accepts and closes. Upstreams start before their mirrors; realms
 * and fault rules are set once every address is known (either may name any host of the world).
 */
public final class WorldInstaller {
  private static final int BIND_ATTEMPTS = 3;

  private final LoopbackPool addresses;
  private final Clock clock;
  private final RegistryTranslation translation;

  public WorldInstaller(LoopbackPool addresses, Clock clock) {
    this.addresses = addresses;
    this.clock = clock;
    this.translation = new RegistryTranslation(clock);
  }

  /** Starts the scenario's world; on any failure stops what already started. */
  public World start(Scenario scenario) {
    return start(scenario.registries().values());
  }

  /** What one start has built so far; everything here is stopped if a later step fails. */
  private static final class Built {
    final Map<String, FakeRegistry> registries = new LinkedHashMap<>();
    final Map<String, HostAddress> hosts = new LinkedHashMap<>();
    final Map<String, String> extraHosts = new LinkedHashMap<>();
    final List<AutoCloseable> others = new ArrayList<>();
    final List<String> leased = new ArrayList<>();
    // A registry's realm, by name: its own /token once it listens, or its auth.realm rendered.
    final Map<String, AtomicReference<String>> realms = new LinkedHashMap<>();
    Optional<WorldCertificates> certificates = Optional.empty();
  }

  /** Starts these registries; on any failure stops those already started. */
  public World start(Collection<RegistrySpec> specs) {
    Built b = new Built();
    Runnable release = () -> b.leased.forEach(addresses::release);
    try {
      if (specs.stream().anyMatch(s -> s.tls().isPresent())) {
        b.certificates = Optional.of(WorldCertificates.create(clock));
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
          RegistryTranslation.publish(spec, registry);
        } else {
          port = down(spec, ip, b);
        }
        b.hosts.put(spec.name(), HostAddress.of(spec.host(), spec.tls().isPresent(), ip, port));
        String bound = ip;
        spec.host().ifPresent(h -> b.extraHosts.put(h, bound));
      }
      Template.Values values = World.values(b.hosts, b.certificates.map(WorldCertificates::files));
      for (RegistrySpec spec : specs) {
        spec.auth()
            .realm()
            .ifPresent(r -> b.realms.get(spec.name()).set(Template.render(r, values)));
        for (FaultSpec fault : spec.faults()) {
          b.registries.get(spec.name()).faults().add(WorldFaults.rule(fault, b.hosts));
        }
      }
      b.certificates.ifPresent(c -> b.others.add(() -> deleteTree(c.directory())));
      return new World(
          b.registries,
          b.hosts,
          b.certificates,
          b.extraHosts,
          specs.stream().allMatch(s -> s.tls().map(TlsSpec::systemTrust).orElse(true)),
          b.others,
          release);
    } catch (RuntimeException e) {
      b.registries.values().forEach(FakeRegistry::close);
      b.others.forEach(WorldInstaller::closeQuietly);
      b.certificates.ifPresent(c -> deleteTree(c.directory()));
      release.run();
      throw e;
    }
  }

  private FakeRegistry start(
      RegistrySpec spec, String ip, Collection<RegistrySpec> specs, Built b) {
    AtomicReference<String> realm = new AtomicReference<>();
    b.realms.put(spec.name(), realm);
    Optional<String> upstream = spec.mirror().map(m -> b.hosts.get(m.upstream()).directUrl());
    FakeRegistryBuilder builder =
        translation.builder(spec, ip, b.certificates, realm::get, upstream);
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
    HostAddress address = HostAddress.of(spec.host(), spec.tls().isPresent(), ip, registry.port());
    realm.set(
        (mirrored && spec.host().isPresent() ? address.directUrl() : address.url())
            + FakeRegistryBuilder.TOKEN_PATH);
    return registry;
  }

  private int down(RegistrySpec spec, String ip, Built b) {
    Down down = spec.down().orElseThrow();
    if (down == Down.REFUSED) {
      NothingListening refused = NothingListening.on(ip, spec.effectivePort());
      b.others.add(refused);
      return refused.port();
    }
    AcceptsThenCloses closes =
        AcceptsThenCloses.on(ip, spec.effectivePort(), Vocabulary.close(down));
    b.others.add(closes);
    return closes.port();
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

  private static boolean addressInUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // Stopping the rest matters more.
    }
  }

  private static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}
