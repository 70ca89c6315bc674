package dev.pullproof.harness.validate.corpus;

import dev.pullproof.harness.validate.corpus.Observed.FindingLine;
import dev.pullproof.harness.validate.corpus.Observed.VersionLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a run differs from a corpus entry's {@code expected.toml}, one line per difference, each
 * naming the entry, the version, the finding and what containerd did.
 */
final class Mismatches {
  private Mismatches() {}

  static List<String> of(String entry, Expected expected, Observed run) {
    List<String> out = new ArrayList<>();
    List<FindingLine> wanted = new ArrayList<>();
    for (Expected.Finding f : expected.findings()) {
      if (f.falseAlarm().isPresent()) {
        if (run.findings().contains(f.line())) {
          out.add(
              entry
                  + ", containerd "
                  + f.line().versions()
                  + ": finding "
                  + f.line()
                  + " is a false alarm in current code; what containerd did: "
                  + f.falseAlarm().get());
        }
      } else {
        wanted.add(f.line());
      }
    }
    List<FindingLine> alarms =
        expected.findings().stream()
            .filter(f -> f.falseAlarm().isPresent())
            .map(Expected.Finding::line)
            .toList();
    for (FindingLine got : run.findings()) {
      if (!wanted.contains(got) && !alarms.contains(got)) {
        out.add(entry + ", containerd " + got.versions() + ": unexpected finding " + got);
      }
    }
    for (FindingLine want : wanted) {
      if (!run.findings().contains(want)) {
        out.add(entry + ", containerd " + want.versions() + ": missing finding " + want);
      }
    }
    for (VersionLine got : run.versions()) {
      Expected.Version want = expected.versions().get(got.family());
      if (want == null) {
        out.add(entry + ", containerd " + got.family() + ": not in expected.toml: " + got.why());
        continue;
      }
      String differs = differences(want.line(), got);
      if (!differs.isEmpty()) {
        out.add(
            entry
                + ", containerd "
                + got.family()
                + ": "
                + differs
                + "; validate saw: "
                + got.why()
                + want.falseAlarm()
                    .map(a -> "; false alarm in current code, what containerd did: " + a)
                    .orElse("; what containerd did when recorded: " + want.line().why()));
      }
    }
    String headline = run.ready() ? Observed.READY : Observed.NOT_READY;
    if (!headline.equals(expected.verdict())) {
      out.add(entry + ": overall verdict " + headline + ", containerd says " + expected.verdict());
    }
    return out;
  }

  private static String differences(VersionLine want, VersionLine got) {
    List<String> d = new ArrayList<>();
    if (!want.verdict().equals(got.verdict())) {
      d.add("verdict " + got.verdict() + ", expected " + want.verdict());
    }
    if (!want.criLoaded().equals(got.criLoaded())) {
      d.add("CRI loaded " + show(got.criLoaded()) + ", expected " + show(want.criLoaded()));
    }
    if (!want.pulled().equals(got.pulled())) {
      d.add("pulled " + got.pulled() + ", expected " + want.pulled());
    }
    List<String> wantFailed = images(want.failed());
    List<String> gotFailed = images(got.failed());
    if (!wantFailed.equals(gotFailed)) {
      d.add("failed " + gotFailed + ", expected " + wantFailed);
    }
    return String.join(", ", d);
  }

  /** Failed images by name: the error text carries digests and addresses that vary. */
  private static List<String> images(List<String> failed) {
    return failed.stream().map(f -> f.split(": ", 2)[0]).toList();
  }

  private static String show(Optional<Boolean> b) {
    return b.map(String::valueOf).orElse("(no node)");
  }
}
