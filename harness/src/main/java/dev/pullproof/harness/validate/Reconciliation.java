package dev.pullproof.harness.validate;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding.Evidence;
import dev.pullproof.harness.validate.Finding.Evidence.Kind;
import dev.pullproof.harness.validate.live.VersionResult;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts what containerd did next to what the static rules said. A finding whose log line a version
 * printed is confirmed there; one that version's behaviour disproves is contradicted there (both
 * stay in the report, and {@link Finding#standing()} drops that version from the verdict); every
 * warning or error containerd logged that no finding names becomes a finding of its own, marked
 * live only. The live log is the evidence: 1.7 and 2.x also answer {@code ctr deprecations list},
 * but every deprecation it lists was logged at start as a warning.
 */
public final class Reconciliation {
  /** Findings that put a log line in their message quote it; shorter quotes are keys, not lines. */
  private static final Pattern QUOTED = Pattern.compile("'([^']{12,}?)[.]?'");

  private static final Pattern KEY_FIELD = Pattern.compile("key=(?:\"([^\"]*)\"|(\\S+?))[ )]");
  private static final Pattern TIMING = Pattern.compile(" ?\\(t=\"[^\"]*\"\\)|t=\"[^\"]*\" ?");

  // The "Falling back to local image pull mode" line (internal/cri/config/config.go of 2.1.9).
  private static final String FALLBACK = "Falling back to local image pull mode";

  private Reconciliation() {}

  public static final String LIVE_ONLY = "containerd-logged";

  /** The findings with the live evidence attached, and the live-only ones after them. */
  public static List<Finding> reconcile(
      Path config, List<Finding> findings, List<VersionResult> versions) {
    List<Finding> out = new ArrayList<>(findings);
    Map<String, Set<ContainerdVersion>> unmatched = new LinkedHashMap<>();
    for (VersionResult r : versions) {
      if (!r.judged()) {
        continue;
      }
      ContainerdVersion family = r.family();
      boolean fellBack = r.logged().stream().anyMatch(l -> l.contains(FALLBACK));
      for (int i = 0; i < out.size(); i++) {
        Finding f = out.get(i);
        if (f.versions().contains(family) && r.state() == VersionResult.State.CHECKED) {
          out.set(i, behaviour(f, r, fellBack));
        }
      }
      for (String line : r.logged()) {
        boolean named = false;
        for (int i = 0; i < out.size(); i++) {
          Finding f = out.get(i);
          if (f.versions().contains(family) && names(f, line)) {
            out.set(i, f.with(new Evidence(family, Kind.CONFIRMED, line)));
            named = true;
          }
        }
        if (!named) {
          unmatched
              .computeIfAbsent(TIMING.matcher(line).replaceAll(""), k -> new LinkedHashSet<>())
              .add(family);
        }
      }
    }
    unmatched.forEach(
        (line, families) -> {
          List<ContainerdVersion> on = List.copyOf(families);
          Finding f =
              new Finding(
                  LIVE_ONLY,
                  Severity.WARNING,
                  config,
                  0,
                  "",
                  on,
                  "containerd " + label(on) + " logged, and no static rule names it: " + line,
                  "");
          for (ContainerdVersion family : on) {
            f = f.with(new Evidence(family, Kind.LIVE_ONLY, line));
          }
          out.add(f);
        });
    return List.copyOf(out);
  }

  /** Evidence from what the version did rather than what it logged. */
  private static Finding behaviour(Finding f, VersionResult r, boolean fellBack) {
    ContainerdVersion family = r.family();
    switch (f.rule()) {
      case "pull-path":
        if (!family.line().criPullsThroughTransfer() || r.criLoaded().equals(Optional.of(false))) {
          // 2.0 has no transfer path to fall back from, and a CRI plugin that did not load
          // chose no path (2.2.7 refuses config_path with mirrors before it logs the fallback).
          return f;
        }
        boolean local = f.message().contains("through the local image pull");
        boolean explicit = f.key().endsWith("use_local_image_pull");
        if (explicit) {
          return f;
        }
        if (local == fellBack) {
          return fellBack
              ? f
              : f.with(new Evidence(family, Kind.CONFIRMED, "no '" + FALLBACK + "' logged"));
        }
        return f.with(
            new Evidence(
                family,
                Kind.CONTRADICTED,
                fellBack
                    ? "2.x logged '" + FALLBACK + "': it used the local image pull"
                    : "2.x logged no '" + FALLBACK + "': it used the transfer service"));
      case "config-path-list":
        if (f.severity() == Severity.ERROR && fellBack) {
          return f.with(
              new Evidence(
                  family,
                  Kind.CONTRADICTED,
                  "2.x fell back to the local image pull, which splits the list"));
        }
        return f;
      case "config-path-with-mirrors":
      case "config-path-with-configs-tls":
        if (f.severity() != Severity.ERROR || r.criLoaded().isEmpty()) {
          return f;
        }
        return r.criLoaded().get()
            ? f.with(new Evidence(family, Kind.CONTRADICTED, "the CRI plugin loaded"))
            : f.with(new Evidence(family, Kind.CONFIRMED, "the CRI plugin did not load"));
      default:
        return f;
    }
  }

  /** Whether the finding quotes this log line (and, for a line naming a key, that key). */
  private static boolean names(Finding f, String line) {
    if (f.rule().equals("pull-path") && line.contains(FALLBACK)) {
      return f.message().contains("through the local image pull");
    }
    Matcher quoted = QUOTED.matcher(f.message());
    while (quoted.find()) {
      if (line.contains(quoted.group(1))) {
        Matcher key = KEY_FIELD.matcher(line + " ");
        if (!key.find()) {
          return true;
        }
        String value = key.group(1) != null ? key.group(1) : key.group(2);
        for (String part : value.split(" ")) {
          if (f.key().contains(part)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String label(List<ContainerdVersion> families) {
    return String.join(", ", families.stream().map(ContainerdVersion::findingLabel).toList());
  }
}
