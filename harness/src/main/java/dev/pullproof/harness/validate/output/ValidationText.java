package dev.pullproof.harness.validate.output;

import dev.pullproof.harness.report.Redactor;
import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.Validation;
import dev.pullproof.harness.validate.live.VersionResult;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The human report: what breaks on the newer version first, then the static findings with their
 * fixes, then what each version did, then what the live check could not reproduce. Secrets masked.
 */
public final class ValidationText {
  private final Redactor redactor;

  public ValidationText(Redactor redactor) {
    this.redactor = redactor;
  }

  public String render(Validation v) {
    StringBuilder out = new StringBuilder();
    out.append("pullproof validate ")
        .append(v.files().config())
        .append(v.files().hostsDir().map(d -> " with " + d).orElse(""))
        .append("\n  images: ")
        .append(String.join(", ", v.images()))
        .append("\n  containerd: ")
        .append(
            v.targets().stream().map(ContainerdVersion::label).collect(Collectors.joining(", ")))
        .append("\n\n");
    List<String> breaks = v.breaks();
    out.append("What breaks on upgrade\n");
    if (v.targets().size() < 2) {
      out.append("  (one version only: name two with --containerd to compare)\n");
    } else if (breaks.isEmpty()) {
      out.append("  nothing: every newer version did what the older one did\n");
    }
    breaks.forEach(b -> out.append("  BREAKS on ").append(b).append('\n'));
    out.append('\n');
    differs(out, v);
    findings(out, v.findings());
    for (VersionResult r : v.versions()) {
      version(out, r);
    }
    if (!v.notes().isEmpty()) {
      out.append("Not reproduced by the live check\n");
      v.notes().forEach(n -> out.append("  - ").append(n).append('\n'));
      out.append('\n');
    }
    out.append("Verdict: ").append(verdict(v)).append('\n');
    return redactor.redact(out.toString());
  }

  /**
   * Per image, what each version did when that differs between versions: pulled, or the class of
   * its error (the run reports' cause classes), so an upgrade's change reads at a glance.
   */
  private static void differs(StringBuilder out, Validation v) {
    List<String> lines = new java.util.ArrayList<>();
    for (String image : v.images()) {
      java.util.Map<String, String> did = new java.util.LinkedHashMap<>();
      for (VersionResult r : v.versions()) {
        did.put(r.family().label(), outcome(r, image));
      }
      if (did.values().stream().distinct().count() > 1) {
        lines.add(
            "  "
                + image
                + ": "
                + did.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(" | ")));
      }
    }
    if (!lines.isEmpty()) {
      out.append("Differs between versions, per image\n");
      lines.forEach(l -> out.append(l).append('\n'));
      out.append('\n');
    }
  }

  private static String outcome(VersionResult r, String image) {
    if (r.state() != VersionResult.State.CHECKED) {
      return r.state() == VersionResult.State.REFUSED ? "refused the file" : "not checked";
    }
    return r.images().stream()
        .filter(i -> i.image().equals(image) || i.image().endsWith("/" + image))
        .findFirst()
        .map(i -> i.pulled() ? "pulled" : dev.pullproof.harness.report.Cause.of(i.error()))
        .orElse("not pulled");
  }

  /** The verdict line: a failure wins over a version that could not be checked. */
  static String verdict(Validation v) {
    if (v.failed()) {
      return "NOT READY";
    }
    return v.incomplete().map(why -> "COULD NOT CHECK (" + why + ")").orElse("ready");
  }

  private static void findings(StringBuilder out, List<Finding> findings) {
    long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    out.append("Findings: ")
        .append(errors)
        .append(" error(s), ")
        .append(warnings)
        .append(" warning(s), ")
        .append(findings.size() - errors - warnings)
        .append(" note(s)\n");
    for (Finding f : findings) {
      out.append("  ")
          .append(f.severity())
          .append(' ')
          .append(Validation.location(f))
          .append(f.message())
          .append(" [")
          .append(
              f.versions().stream().map(ContainerdVersion::label).collect(Collectors.joining(",")))
          .append("; ")
          .append(f.rule())
          .append(f.liveOnly() ? "; live only" : "")
          .append("]\n");
      for (Finding.Evidence e : f.evidence()) {
        if (e.kind() == Finding.Evidence.Kind.LIVE_ONLY) {
          continue;
        }
        out.append("      live ")
            .append(e.family().label())
            .append(
                e.kind() == Finding.Evidence.Kind.CONFIRMED
                    ? ": confirmed: "
                    : ": CONTRADICTED, the verdict follows containerd: ")
            .append(e.observed())
            .append('\n');
      }
      if (!f.fix().isEmpty()) {
        out.append("      fix: ").append(f.fix()).append('\n');
      }
    }
    out.append('\n');
  }

  private static void version(StringBuilder out, VersionResult r) {
    out.append("containerd ").append(r.family().withReported(r.containerdVersion())).append(": ");
    if (r.state() == VersionResult.State.COULD_NOT_CHECK) {
      out.append("could not check: ").append(r.reason()).append("\n\n");
      return;
    }
    if (r.state() == VersionResult.State.REFUSED) {
      out.append("REFUSES the file, containerd exits: ").append(r.reason()).append('\n');
      logged(out, r);
      out.append('\n');
      return;
    }
    out.append(r.criLoaded().orElse(false) ? "CRI plugin loaded" : "CRI plugin NOT loaded")
        .append('\n');
    for (VersionResult.ImageResult i : r.images()) {
      out.append("  ")
          .append(i.image())
          .append(": ")
          .append(i.pulled() ? "pulled" : "FAILED: " + i.error())
          .append('\n');
    }
    if (!r.hostsTried().isEmpty()) {
      out.append("  requests, in order:\n");
      r.hostsTried().forEach(h -> out.append("    ").append(h).append('\n'));
    }
    logged(out, r);
    out.append('\n');
  }

  private static void logged(StringBuilder out, VersionResult r) {
    if (!r.logged().isEmpty()) {
      out.append("  containerd logged:\n");
      r.logged().forEach(l -> out.append("    ").append(l).append('\n'));
    }
  }
}
