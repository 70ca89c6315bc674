package dev.pullproof.harness.scenario;

import dev.pullproof.harness.version.ContainerdVersion;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What an observation should show. The output is what the step answered: ctr's stdout then its
 * stderr, or RunPodSandbox's sandbox id or error ({@code rpc error: code = ... desc = ...}).
 *
 * @param success ctr exited 0 / the CRI call succeeded (true), or not (false)
 * @param contains per version, substrings the output must contain
 * @param absent per version, substrings it must not contain
 * @param matches per version, a regex the output must contain a match of (multi-line)
 * @param plugins per version, for {@code ctr plugins ls}: plugin ({@code TYPE.ID}, e.g. {@code
 *     io.containerd.cri.v1.images}) to the STATUS column it must show ({@code ok}, {@code error},
 *     {@code skip}), or {@code absent} for a plugin not listed at all
 */
public record ObserveExpect(
    Optional<Boolean> success,
    Map<ContainerdVersion, List<String>> contains,
    Map<ContainerdVersion, List<String>> absent,
    Map<ContainerdVersion, Pattern> matches,
    Map<ContainerdVersion, Map<String, String>> plugins) {
  public static final ObserveExpect NONE =
      new ObserveExpect(Optional.empty(), Map.of(), Map.of(), Map.of(), Map.of());

  /** The statuses {@code ctr plugins ls} prints, and the word for a plugin it does not list. */
  public static final List<String> PLUGIN_STATES = List.of("ok", "error", "skip", "absent");

  public ObserveExpect {
    Objects.requireNonNull(success, "success");
    contains = copy(contains);
    absent = copy(absent);
    TreeMap<ContainerdVersion, Pattern> m = new TreeMap<>();
    m.putAll(matches);
    matches = java.util.Collections.unmodifiableMap(m);
    TreeMap<ContainerdVersion, Map<String, String>> p = new TreeMap<>();
    plugins.forEach(
        (k, v) -> {
          v.forEach(
              (plugin, state) -> {
                if (!PLUGIN_STATES.contains(state)) {
                  throw new IllegalArgumentException(
                      "plugin "
                          + plugin
                          + ": state must be one of "
                          + PLUGIN_STATES
                          + ", got '"
                          + state
                          + "'");
                }
              });
          p.put(k, Map.copyOf(v));
        });
    plugins = java.util.Collections.unmodifiableMap(p);
  }

  public boolean isEmpty() {
    return success.isEmpty()
        && contains.isEmpty()
        && absent.isEmpty()
        && matches.isEmpty()
        && plugins.isEmpty();
  }

  private static Map<ContainerdVersion, List<String>> copy(
      Map<ContainerdVersion, List<String>> map) {
    TreeMap<ContainerdVersion, List<String>> c = new TreeMap<>();
    map.forEach((k, v) -> c.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(c);
  }
}
