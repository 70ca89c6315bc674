package dev.pullproof.harness.validate.corpus;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.Validation;
import dev.pullproof.harness.validate.live.VersionResult;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one validate run said about a corpus entry, reduced to what its {@code expected.toml}
 * records: every finding as {@code SEVERITY rule [versions] file:line}, and per version the
 * verdict, whether the CRI plugin loaded, which images pulled and what containerd logged.
 */
record Observed(List<FindingLine> findings, List<VersionLine> versions, boolean ready) {

  /** One static finding, located relative to the corpus entry. */
  record FindingLine(String severity, String rule, List<String> versions, String at) {
    @Override
    public String toString() {
      return severity + " " + rule + " " + versions + " " + at;
    }
  }

  /** What one version did, and the verdict validate derives from it and the findings. */
  record VersionLine(
      String family,
      String containerd,
      String verdict,
      Optional<Boolean> criLoaded,
      List<String> pulled,
      List<String> failed,
      List<String> logged,
      Optional<String> couldNotCheck) {

    /** Why the verdict is what it is, for a failure message. */
    String why() {
      List<String> parts = new ArrayList<>();
      couldNotCheck.ifPresent(e -> parts.add("could not check: " + e));
      parts.add(
          criLoaded.map(c -> c ? "CRI plugin loaded" : "CRI plugin NOT loaded").orElse("no node"));
      if (!pulled.isEmpty()) {
        parts.add("pulled " + pulled);
      }
      failed.forEach(f -> parts.add("failed " + f));
      return String.join("; ", parts);
    }
  }

  static final String READY = "READY";
  static final String NOT_READY = "NOT READY";
  static final String COULD_NOT_CHECK = "COULD NOT CHECK";

  static Observed of(Validation v, Path entry) {
    List<FindingLine> findings =
        v.findings().stream()
            .map(
                f ->
                    new FindingLine(
                        f.severity().name(),
                        f.rule(),
                        f.versions().stream().map(ContainerdVersion::label).toList(),
                        at(entry, f)))
            .toList();
    List<String> breaks = v.breaks();
    List<VersionLine> versions = new ArrayList<>();
    for (VersionResult r : v.versions()) {
      List<String> pulled = new ArrayList<>();
      List<String> failed = new ArrayList<>();
      for (VersionResult.ImageResult i : r.images()) {
        if (i.pulled()) {
          pulled.add(i.image());
        } else {
          failed.add(i.image() + ": " + i.error());
        }
      }
      versions.add(
          new VersionLine(
              r.family().label(),
              r.containerdVersion(),
              verdict(v, r, breaks),
              r.criLoaded(),
              pulled,
              failed,
              r.logged(),
              r.state() == VersionResult.State.COULD_NOT_CHECK
                  ? Optional.of(r.reason())
                  : Optional.empty()));
    }
    return new Observed(findings, versions, !v.failed() && v.incomplete().isEmpty());
  }

  /**
   * A version is NOT READY when a static error names it, its CRI plugin did not load, an image
   * failed or something breaks on the way to it; COULD NOT CHECK when the live check did not run.
   */
  private static String verdict(Validation v, VersionResult r, List<String> breaks) {
    if (r.state() == VersionResult.State.COULD_NOT_CHECK) {
      return COULD_NOT_CHECK;
    }
    boolean error =
        v.findings().stream()
            .anyMatch(f -> f.severity() == Severity.ERROR && f.standing().contains(r.family()));
    boolean breaksHere = breaks.stream().anyMatch(b -> b.startsWith(r.family().label() + " ("));
    boolean refused = r.state() == VersionResult.State.REFUSED;
    return refused || error || breaksHere || !r.allPulled() || !r.criLoaded().orElse(false)
        ? NOT_READY
        : READY;
  }

  private static String at(Path entry, Finding f) {
    Path file = f.file().toAbsolutePath().normalize();
    Path root = entry.toAbsolutePath().normalize();
    String rel = file.startsWith(root) ? root.relativize(file).toString() : file.toString();
    return rel + ":" + f.line();
  }
}
