package dev.pullproof.harness.scenario;

import dev.pullproof.harness.text.Suggestions;
import dev.pullproof.harness.toml.TomlReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks across the registries of a world: mirror upstreams, redirect targets and the registries a
 * token realm names exist, mirrors do not form a cycle, impersonated addresses are unique, TLS
 * registries agree on whether the node trusts the world's one CA.
 */
final class WorldChecks {
  private final TomlReader root;
  private final Map<String, RegistrySpec> registries;

  WorldChecks(TomlReader root, Map<String, RegistrySpec> registries) {
    this.root = root;
    this.registries = registries;
  }

  void check() {
    Map<String, String> seen = new HashMap<>();
    TomlReader all = root.table("registries").orElse(null);
    for (RegistrySpec r : registries.values()) {
      TomlReader at = all.table(r.name()).orElseThrow();
      r.mirror().ifPresent(m -> mirror(at, r, m));
      r.auth().realm().ifPresent(realm -> at.table("auth").ifPresent(a -> realm(a, realm)));
      List<TomlReader.Item> faults = at.items("faults");
      for (int i = 0; i < r.faults().size() && i < faults.size(); i++) {
        for (FaultAction action : r.faults().get(i).actions()) {
          if (action instanceof FaultAction.Redirect redirect
              && redirect.namesRegistry()
              && !registries.containsKey(redirect.target())) {
            at.problemAt(faults.get(i), undefined("redirect to", redirect.target()));
          }
        }
      }
      if (r.host().isPresent()) {
        String address = r.host().get() + ":" + r.effectivePort();
        String other = seen.putIfAbsent(address, r.name());
        if (other != null) {
          at.problem(
              "host", "registries '" + other + "' and '" + r.name() + "' both are " + address);
        }
      }
    }
    systemTrust(all);
  }

  /** The world has one CA: the node's system store either holds it for every registry or not. */
  private void systemTrust(TomlReader all) {
    List<String> untrusted =
        registries.values().stream()
            .filter(r -> r.tls().filter(t -> !t.systemTrust()).isPresent())
            .map(RegistrySpec::name)
            .toList();
    if (untrusted.isEmpty()) {
      return;
    }
    for (RegistrySpec r : registries.values()) {
      if (r.tls().filter(TlsSpec::systemTrust).isPresent()) {
        all.table(r.name())
            .orElseThrow()
            .problem(
                "tls",
                "the world has one CA and "
                    + untrusted
                    + " keep it out of the node's system store; write system_trust = false here"
                    + " too");
      }
    }
  }

  private void mirror(TomlReader at, RegistrySpec r, MirrorSpec m) {
    if (m.upstream().equals(r.name())) {
      at.problem("mirror_of", "a registry cannot mirror itself");
    } else if (!registries.containsKey(m.upstream())) {
      at.problem("mirror_of", undefined("mirror of", m.upstream()));
    } else {
      Set<String> chain = new HashSet<>(Set.of(r.name()));
      String next = m.upstream();
      while (next != null && registries.containsKey(next)) {
        if (!chain.add(next)) {
          at.problem("mirror_of", "mirrors form a cycle through " + chain + "; break it");
          return;
        }
        next = registries.get(next).mirror().map(MirrorSpec::upstream).orElse(null);
      }
    }
  }

  /** A realm's placeholders name registries of this world ({@code {{tls.*}}} makes no URL). */
  private void realm(TomlReader auth, String realm) {
    try {
      for (Template.Reference ref : Template.references(realm)) {
        if (!registries.containsKey(ref.registry())) {
          auth.problem("realm", undefined("realm names", ref.registry()));
        } else if (!Template.ATTRIBUTES.contains(ref.attribute())) {
          auth.problem(
              "realm",
              "unknown placeholder attribute '"
                  + ref.attribute()
                  + "'; known: "
                  + Template.ATTRIBUTES
                  + Suggestions.didYouMean(ref.attribute(), Template.ATTRIBUTES));
        }
      }
    } catch (IllegalArgumentException e) {
      auth.problem("realm", e.getMessage());
    }
  }

  private String undefined(String what, String name) {
    return what
        + " undefined registry '"
        + name
        + "'; defined: "
        + registries.keySet()
        + Suggestions.didYouMean(name, registries.keySet());
  }
}
