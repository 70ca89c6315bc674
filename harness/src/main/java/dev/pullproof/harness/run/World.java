package dev.pullproof.harness.run;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.journal.JournalEntry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's started registries. {@link #placeholders()} fills in the scenario's templates,
 * {@link #extraHosts()} is what the node's hosts file needs, {@link #journals()} what each host
 * received. Closing stops every registry and returns their addresses.
 */
public final class World implements AutoCloseable {
  /** How long journals wait for requests still completing before they are read. */
  static final Duration QUIET = Duration.ofSeconds(2);

  private final Map<String, FakeRegistry> registries;
  private final Map<String, Map<String, String>> placeholders;
  private final Map<String, String> extraHosts;
  private final Runnable release;

  World(
      Map<String, FakeRegistry> registries,
      Map<String, Map<String, String>> placeholders,
      Map<String, String> extraHosts,
      Runnable release) {
    this.registries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(registries));
    this.placeholders = Map.copyOf(placeholders);
    this.extraHosts = Map.copyOf(extraHosts);
    this.release = release;
  }

  /** Per registry name: address, host, port, url, ip (see {@code Template}). */
  public Map<String, Map<String, String>> placeholders() {
    return placeholders;
  }

  /** Impersonated host name to the loopback address its registry listens on. */
  public Map<String, String> extraHosts() {
    return extraHosts;
  }

  public FakeRegistry registry(String name) {
    FakeRegistry registry = registries.get(name);
    if (registry == null) {
      throw new IllegalArgumentException("no registry '" + name + "' in " + registries.keySet());
    }
    return registry;
  }

  /** Each registry's requests in arrival order, after in-flight ones have completed. */
  public Map<String, List<JournalEntry>> journals() {
    Map<String, List<JournalEntry>> out = new LinkedHashMap<>();
    registries.forEach(
        (name, registry) -> {
          registry.journal().awaitQuiet(QUIET);
          out.put(name, registry.journal().all());
        });
    return out;
  }

  @Override
  public void close() {
    try {
      registries.values().forEach(FakeRegistry::close);
    } finally {
      release.run();
    }
  }
}
