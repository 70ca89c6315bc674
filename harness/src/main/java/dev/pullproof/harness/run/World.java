package dev.pullproof.harness.run;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.journal.JournalEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario's started world: its registries, its down hosts and, when a registry serves TLS, the
 * world's CA. {@link #placeholders()} fills in the scenario's templates, {@link #extraHosts()} is
 * what the node's hosts file needs, {@link #files()} what the node's {@code /etc/containerd} must
 * hold besides the scenario's files, {@link #journals()} what each registry received. Closing stops
 * everything and returns the addresses.
 */
public final class World implements AutoCloseable {
  /** How long journals wait for requests still completing before they are read. */
  static final Duration QUIET = Duration.ofSeconds(2);

  private final Map<String, FakeRegistry> registries;
  private final Map<String, Map<String, String>> placeholders;
  private final Map<String, String> extraHosts;
  private final Map<String, String> files;
  private final Optional<Path> certificates;
  private final boolean systemTrust;
  private final List<AutoCloseable> others;
  private final Runnable release;

  World(
      Map<String, FakeRegistry> registries,
      Map<String, Map<String, String>> placeholders,
      Map<String, String> extraHosts,
      Map<String, String> files,
      Optional<Path> certificates,
      boolean systemTrust,
      List<AutoCloseable> others,
      Runnable release) {
    this.registries = Collections.unmodifiableMap(new LinkedHashMap<>(registries));
    this.placeholders = Map.copyOf(placeholders);
    this.extraHosts = Map.copyOf(extraHosts);
    this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    this.certificates = certificates;
    this.systemTrust = systemTrust;
    this.others = List.copyOf(others);
    this.release = release;
  }

  /**
   * Per registry name: address, host, port, url, ip (see {@code Template}); with TLS also {@code
   * tls}: ca, client_cert, client_key (paths in the node).
   */
  public Map<String, Map<String, String>> placeholders() {
    return placeholders;
  }

  /** Impersonated host name to the loopback address its registry listens on. */
  public Map<String, String> extraHosts() {
    return extraHosts;
  }

  /**
   * Files the world adds below {@code /etc/containerd} (path to PEM text): with TLS, the CA
   * certificate and the client certificate and key that {@code {{tls.*}}} name.
   */
  public Map<String, String> files() {
    return files;
  }

  /** With TLS, the world CA's certificate (PEM). */
  public Optional<String> caCertificate() {
    return Optional.ofNullable(files.get(WorldInstaller.CA_FILE));
  }

  /**
   * The CA certificate (PEM) nodes hold in their system trust store: the world CA, unless its
   * registries say {@code system_trust = false} (a private CA the node must be told about).
   */
  public Optional<String> systemCa() {
    return systemTrust ? caCertificate() : Optional.empty();
  }

  /**
   * With TLS, a directory on this machine holding {@code ca.crt}, {@code client.cert} and {@code
   * client.key} (the layout of skopeo's and docker's certificate directories); removed on close.
   */
  public Optional<Path> certificates() {
    return certificates;
  }

  /** A serving registry by name; down hosts have none. */
  public FakeRegistry registry(String name) {
    FakeRegistry registry = registries.get(name);
    if (registry == null) {
      throw new IllegalArgumentException("no registry '" + name + "' in " + registries.keySet());
    }
    return registry;
  }

  /**
   * Each serving registry's requests in arrival order, after in-flight ones have completed: the one
   * place the registry's journal becomes the harness's {@link HostRequest}.
   */
  public Map<String, List<HostRequest>> journals() {
    Map<String, List<HostRequest>> out = new LinkedHashMap<>();
    registries.forEach(
        (name, registry) -> {
          registry.journal().awaitQuiet(QUIET);
          out.put(
              name,
              registry.journal().all().stream()
                  .map(
                      (JournalEntry e) ->
                          new HostRequest(
                              name,
                              e.sequence(),
                              e.time(),
                              e.method(),
                              e.path(),
                              e.query(),
                              e.status(),
                              e.errorCode(),
                              e.fault(),
                              new HostRequest.Principal(
                                  e.principal().scheme(), e.principal().identity()),
                              e.duration(),
                              e.routeKind()))
                  .toList());
        });
    return out;
  }

  @Override
  public void close() {
    try {
      registries.values().forEach(FakeRegistry::close);
      for (AutoCloseable other : others) {
        try {
          other.close();
        } catch (Exception e) {
          // Closing the rest matters more than one that would not close.
        }
      }
    } finally {
      release.run();
    }
  }
}
