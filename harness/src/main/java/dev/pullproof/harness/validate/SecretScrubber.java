package dev.pullproof.harness.validate;

import dev.pullproof.harness.text.SecretMask;
import dev.pullproof.harness.validate.model.HostDir;
import dev.pullproof.harness.validate.model.HostEntry;
import dev.pullproof.harness.validate.model.Located;
import dev.pullproof.harness.validate.model.NodeContext;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;

/**
 * The last line of defence for credentials: collects every secret value in the node's files
 * (hosts.toml header values, registry auth passwords, auth strings and identity tokens, CRI
 * registry headers) and masks any that a finding's text would still contain, with {@link
 * SecretMask}.
 */
final class SecretScrubber {
  private static final int MIN = 4;
  private final SecretMask mask;

  private SecretScrubber(Set<String> secrets) {
    this.mask = SecretMask.forFindings(secrets);
  }

  static SecretScrubber of(NodeContext node) {
    Set<String> found = new LinkedHashSet<>();
    for (Located registry : node.config().allRegistries()) {
      registry.table("configs").ifPresent(c -> authsUnder(c, "auth", found));
      registry.table("auths").ifPresent(a -> authsUnder(a, null, found));
      registry.table("headers").ifPresent(h -> values(h, found));
    }
    for (HostDir dir : node.hostsFiles()) {
      for (HostEntry entry : HostEntry.of(dir.hostsToml().orElseThrow())) {
        entry.table().table("header").ifPresent(h -> values(h, found));
      }
    }
    return new SecretScrubber(found);
  }

  /** {@code parent.<host>[.sub]} auth tables: their secret keys. */
  private static void authsUnder(Located parent, String sub, Set<String> found) {
    for (String host : parent.keys()) {
      Optional<Located> entry = parent.table(host);
      Optional<Located> auth = sub == null ? entry : entry.flatMap(e -> e.table(sub));
      auth.ifPresent(
          a -> {
            for (String k : a.keys()) {
              if (isSecretAuthKey(k)) {
                a.string(k).ifPresent(v -> add(v, found));
              }
            }
          });
    }
  }

  private static void values(Located headers, Set<String> found) {
    for (String name : headers.keys()) {
      Object v = headers.value(name).orElse(null);
      if (v instanceof String s) {
        add(s, found);
      } else if (v instanceof TomlArray a) {
        for (int i = 0; i < a.size(); i++) {
          if (a.get(i) instanceof String s) {
            add(s, found);
          }
        }
      }
    }
  }

  private static void add(String value, Set<String> found) {
    String v = value.trim();
    if (v.length() >= MIN) {
      found.add(v);
    }
    for (String part : v.split("\\s+")) {
      if (part.length() >= MIN && !part.matches("(?i)basic|bearer|token")) {
        found.add(part);
      }
    }
  }

  /** Registry auth keys whose values are credentials. */
  private static boolean isSecretAuthKey(String name) {
    return name.equals("password") || name.equals("auth") || name.equals("identitytoken");
  }

  String scrub(String text) {
    return mask.apply(text);
  }
}
