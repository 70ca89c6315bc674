package dev.pullproof.harness.validate;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.live.VersionResult;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code pullproof validate} found: the static findings, what each containerd version
 * did with the files (empty with {@code --static-only}), and what the live check could not
 * reproduce.
 */
public record Validation(
    NodeFiles files,
    List<String> images,
    List<ContainerdVersion> targets,
    List<Finding> findings,
    List<VersionResult> versions,
    List<String> notes) {

  public Validation {
    images = List.copyOf(images);
    targets = List.copyOf(targets);
    findings = List.copyOf(findings);
    versions = List.copyOf(versions);
    notes = List.copyOf(notes);
  }

  /** Why the live check could not run on some version, if it did not: exit 3 unless it failed. */
  public Optional<String> incomplete() {
    return versions.stream()
        .filter(v -> !v.judged())
        .map(v -> v.family().label() + ": " + v.reason())
        .findFirst();
  }

  /**
   * What breaks going from one target version to the next: the file refused, the CRI plugin no
   * longer loading, an image that pulled and no longer does, and static errors only the newer
   * version has. The parenthesis says what the older version really did, so a line never reads
   * "fine on 1.7" when 1.7 refused the file or failed a pull.
   */
  public List<String> breaks() {
    List<String> found = new ArrayList<>();
    for (int i = 1; i < targets.size(); i++) {
      ContainerdVersion older = targets.get(i - 1);
      ContainerdVersion newer = targets.get(i);
      Optional<VersionResult> old = result(older);
      Optional<VersionResult> now = result(newer);
      String was = " (" + olderState(older, old) + ")";
      for (Finding f : findings) {
        if (f.severity() == Severity.ERROR && f.standing().contains(newer) && !errorOn(older, f)) {
          found.add(newer.label() + was + ": " + location(f) + f.message());
        }
      }
      if (old.isEmpty() || now.isEmpty() || !old.get().judged() || !now.get().judged()) {
        continue;
      }
      VersionResult o = old.get();
      VersionResult n = now.get();
      if (n.state() == VersionResult.State.REFUSED) {
        if (o.state() != VersionResult.State.REFUSED) {
          found.add(newer.label() + was + ": containerd refuses the file: " + n.reason());
        }
        continue;
      }
      if (o.state() != VersionResult.State.CHECKED) {
        continue;
      }
      if (o.criLoaded().orElse(false) && !n.criLoaded().orElse(true)) {
        found.add(newer.label() + was + ": the CRI plugin does not load");
      }
      for (VersionResult.ImageResult before : o.images()) {
        n.images().stream()
            .filter(is -> is.image().equals(before.image()) && before.pulled() && !is.pulled())
            .findFirst()
            .ifPresent(
                is -> found.add(newer.label() + was + ": " + is.image() + " fails: " + is.error()));
      }
    }
    return found;
  }

  /**
   * True when something a CI gate should stop on was found: errors containerd did not contradict,
   * refusals, failed pulls.
   */
  public boolean failed() {
    return findings.stream()
            .anyMatch(f -> f.severity() == Severity.ERROR && !f.standing().isEmpty())
        || versions.stream().anyMatch(v -> v.judged() && !v.fine())
        || !breaks().isEmpty();
  }

  /** What the older version of a pair did, in the words of the rows below the headline. */
  private String olderState(ContainerdVersion older, Optional<VersionResult> result) {
    String label = older.label();
    if (result.isEmpty()) {
      boolean errors =
          findings.stream()
              .anyMatch(f -> f.severity() == Severity.ERROR && f.standing().contains(older));
      return errors ? "errors on " + label + " too, other ones" : "fine on " + label;
    }
    VersionResult r = result.get();
    switch (r.state()) {
      case REFUSED:
        return label + " refused the file too";
      case COULD_NOT_CHECK:
        return label + " could not be checked";
      default:
        if (!r.criLoaded().orElse(false)) {
          return label + ": CRI plugin not loaded either";
        }
        if (!r.allPulled()) {
          return label + " failed a pull too";
        }
        return "fine on " + label;
    }
  }

  /** An error of the same rule in the same file on that version: the newer one is not new. */
  private boolean errorOn(ContainerdVersion family, Finding newer) {
    return findings.stream()
        .anyMatch(
            f ->
                f.severity() == Severity.ERROR
                    && f.standing().contains(family)
                    && f.rule().equals(newer.rule())
                    && f.file().equals(newer.file()));
  }

  private Optional<VersionResult> result(ContainerdVersion family) {
    return versions.stream().filter(v -> v.family().equals(family)).findFirst();
  }

  /** {@code file:line: key: } for a finding, with the file as the user named it. */
  public static String location(Finding f) {
    Path file = f.file();
    return file
        + (f.line() > 0 ? ":" + f.line() : "")
        + (f.key().isEmpty() ? "" : ": " + f.key())
        + ": ";
  }
}
