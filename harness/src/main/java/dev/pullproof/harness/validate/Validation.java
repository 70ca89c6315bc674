package dev.pullproof.harness.validate;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.live.VersionResult;
import dev.pullproof.harness.version.VersionFamily;
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
    List<VersionFamily> targets,
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

  /** Why the live check could not complete on some version, if it did not. */
  public Optional<String> incomplete() {
    return versions.stream()
        .filter(v -> v.harnessError().isPresent())
        .map(v -> v.family().label() + ": " + v.harnessError().get())
        .findFirst();
  }

  /**
   * What breaks going from one target version to the next: the CRI plugin no longer loading, an
   * image that pulled and no longer does, and static errors that only the newer version has.
   */
  public List<String> breaks() {
    List<String> found = new ArrayList<>();
    for (int i = 1; i < targets.size(); i++) {
      VersionFamily older = targets.get(i - 1);
      VersionFamily newer = targets.get(i);
      for (Finding f : findings) {
        if (f.severity() == Severity.ERROR && f.versions().contains(newer) && !errorOn(older, f)) {
          found.add(
              newer.label() + " (fine on " + older.label() + "): " + location(f) + f.message());
        }
      }
      Optional<VersionResult> old = result(older);
      Optional<VersionResult> now = result(newer);
      if (old.isEmpty() || now.isEmpty()) {
        continue;
      }
      if (old.get().criLoaded().orElse(false) && !now.get().criLoaded().orElse(true)) {
        found.add(
            newer.label() + " (loaded on " + older.label() + "): the CRI plugin does not load");
      }
      for (VersionResult.ImageResult was : old.get().images()) {
        now.get().images().stream()
            .filter(is -> is.image().equals(was.image()) && was.pulled() && !is.pulled())
            .findFirst()
            .ifPresent(
                is ->
                    found.add(
                        newer.label()
                            + " (pulled on "
                            + older.label()
                            + "): "
                            + is.image()
                            + " fails: "
                            + is.error()));
      }
    }
    return found;
  }

  /** True when something a CI gate should stop on was found: errors, failed pulls, breaks. */
  public boolean failed() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)
        || versions.stream().anyMatch(v -> !v.allPulled() || !v.criLoaded().orElse(false))
        || !breaks().isEmpty();
  }

  /** An error of the same rule in the same file on that version: the newer one is not new. */
  private boolean errorOn(VersionFamily family, Finding newer) {
    return findings.stream()
        .anyMatch(
            f ->
                f.severity() == Severity.ERROR
                    && f.versions().contains(family)
                    && f.rule().equals(newer.rule())
                    && f.file().equals(newer.file()));
  }

  private Optional<VersionResult> result(VersionFamily family) {
    return versions.stream().filter(v -> v.family() == family).findFirst();
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
