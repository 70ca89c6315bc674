package dev.pullproof.harness.explain;

import dev.pullproof.harness.explain.Ranking.Cause;
import dev.pullproof.harness.explain.Ranking.Match;
import dev.pullproof.harness.explain.SignatureFile.RunEvidence;
import dev.pullproof.harness.text.SecretMask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * From {@link Evidence} to a {@link Diagnosis}: settles the version (given, else inferred from the
 * wording), ranks the catalogue's failures, says on which versions containerd prints exactly what
 * matched, and names what the evidence cannot settle and the one piece that would. Every text goes
 * through the input's {@link SecretMask}.
 */
public final class Explainer {
  static final int MAX_CAUSES = 5;

  /** Causes closer than this to the first are not told apart by the evidence. */
  static final double CLOSE = 0.1;

  private final SignatureDatabase db;

  Explainer(SignatureDatabase db) {
    this.db = db;
  }

  Diagnosis explain(
      String source,
      Evidence evidence,
      Optional<String> given,
      Set<String> fileSecrets,
      Explainer.NodeFilesGiven files) {
    Set<String> secrets = new LinkedHashSet<>(evidence.secrets());
    secrets.addAll(fileSecrets);
    SecretMask mask = SecretMask.of(secrets);
    Map<String, Integer> votes = new HashMap<>();
    Set<String> inferred = Ranking.inferVersions(evidence, db, votes);
    Set<String> versions = given.map(Set::of).orElse(inferred);
    Optional<String> version =
        versions.size() == 1 ? Optional.of(versions.iterator().next()) : Optional.empty();
    String note = versionNote(given, inferred, votes);
    List<Cause> ranked = Ranking.rank(evidence, db, versions);
    List<Diagnosis.Cause> causes = new ArrayList<>();
    for (Cause c : ranked.subList(0, Math.min(MAX_CAUSES, ranked.size()))) {
      causes.add(cause(c, mask));
    }
    List<String> unsettled = new ArrayList<>();
    String extra = extraPiece(evidence, ranked, files, unsettled, version);
    return new Diagnosis(
        source,
        evidence.counts(),
        version.orElse(""),
        note,
        evidence.timeline().events().stream()
            .map(
                e ->
                    new Timeline.Event(
                        e.line(), e.time(), e.seconds(), e.host(), mask.apply(e.what()), e.count()))
            .toList(),
        evidence.timeline().dropped(),
        causes,
        unsettled.stream().map(mask::apply).toList(),
        extra,
        evidence.images().stream().map(mask::apply).toList(),
        evidence.hosts());
  }

  private static String versionNote(
      Optional<String> given, Set<String> inferred, Map<String, Integer> votes) {
    String seen =
        votes.isEmpty()
            ? "no line worded as only some versions word it"
            : "lines worded as each version words them: " + new java.util.TreeMap<>(votes);
    String points = String.join(" or ", inferred);
    if (given.isPresent()) {
      return "given: "
          + given.get()
          + (inferred.isEmpty() || inferred.contains(given.get())
              ? ""
              : " (the wording points to " + points + ": " + seen + ")");
    }
    if (inferred.isEmpty()) {
      return "not settled by the wording (" + seen + "); causes ranked over every version";
    }
    return "inferred from the wording: "
        + points
        + " ("
        + seen
        + ")"
        + (inferred.size() > 1 ? "; causes ranked over these" : "");
  }

  private Diagnosis.Cause cause(Cause c, SecretMask mask) {
    SignatureDatabase.Signature sig = c.signature();
    List<Diagnosis.Line> lines = new ArrayList<>();
    for (Match m : c.matches()) {
      lines.add(
          new Diagnosis.Line(
              m.input().firstLine(),
              mask.apply(m.input().example()),
              m.signature().key(),
              round(m.similarity())));
    }
    List<Diagnosis.Fix> fixes =
        sig.entry() == null
            ? List.of()
            : sig.entry().fixes().stream()
                .map(f -> new Diagnosis.Fix(f.id(), f.file(), f.pulls()))
                .toList();
    return new Diagnosis.Cause(
        sig.scenario(),
        sig.entry() == null ? "" : sig.entry().file(),
        sig.entry() == null ? "" : sig.entry().summary(),
        sig.entry() == null ? "" : sig.entry().why(),
        sig.family(),
        round(c.score()),
        sig.version(),
        exactOn(c),
        lines,
        fixes);
  }

  /** The versions whose run of this scenario made every exactly-matched error statement. */
  private List<String> exactOn(Cause c) {
    Set<String> errors = new LinkedHashSet<>();
    for (Match m : c.matches()) {
      if (m.similarity() == 1 && m.signature().kind() == Statement.Kind.ERROR) {
        errors.add(m.signature().key());
      }
    }
    if (errors.isEmpty()) {
      c.matches().stream()
          .filter(m -> m.similarity() == 1)
          .forEach(m -> errors.add(m.signature().key()));
    }
    List<String> versions = new ArrayList<>();
    for (RunEvidence run : db.file().runs()) {
      if (!run.scenario().equals(c.signature().scenario()) || errors.isEmpty()) {
        continue;
      }
      Set<String> keys = new java.util.HashSet<>();
      db.statementsOf(run).forEach(s -> keys.add(s.key()));
      if (keys.containsAll(errors)) {
        versions.add(run.version());
      }
    }
    return versions;
  }

  /** The one extra piece that would settle the most, and what is left open (into unsettled). */
  private String extraPiece(
      Evidence evidence,
      List<Cause> ranked,
      NodeFilesGiven files,
      List<String> unsettled,
      Optional<String> version) {
    if (version.isEmpty()) {
      unsettled.add(
          "the exact containerd version: give --containerd 1.6|1.7|2, or paste the log's start-up lines");
    }
    if (ranked.isEmpty()) {
      unsettled.add("no line matched a failure of the catalogue");
      return evidence.counts().log() == 0
          ? "the containerd log around the pull (journalctl -u containerd --since ...)"
          : "the pull's error as the kubelet or crictl shows it (kubectl describe pod, crictl pull)";
    }
    Cause first = ranked.get(0);
    List<Cause> close =
        ranked.stream().skip(1).filter(c -> first.score() - c.score() <= CLOSE).limit(3).toList();
    for (Cause c : close) {
      unsettled.add(
          first.signature().scenario()
              + " ("
              + round(first.score())
              + ") or "
              + c.signature().scenario()
              + " ("
              + round(c.score())
              + "): the evidence fits both");
    }
    if (evidence.counts().log() == 0) {
      return "the containerd log around the pull (journalctl -u containerd): which hosts it tried, in which order, and what each answered";
    }
    boolean cri =
        ranked.stream()
            .limit(3)
            .anyMatch(c -> c.signature().family().contains("unknown service runtime.v1"));
    if (cri) {
      return "`ctr plugins ls` (is io.containerd.grpc.v1.cri ok or skip?) and containerd's start-up log: the CRI plugin did not load";
    }
    boolean hosts =
        ranked.stream()
            .limit(Math.max(1, close.size() + 1))
            .anyMatch(
                c -> c.signature().scenario().matches("(hosts|mirrors|tls|paths|writeup)/.*"));
    if (hosts && !files.hostsDir()) {
      return "the node's hosts.toml files (--hosts-dir /etc/containerd/certs.d): mirrors, fallback, server and TLS settings decide between these causes";
    }
    if (evidence.counts().debug() == 0) {
      return "a debug-level containerd log (containerd --log-level debug, or [debug] level = \"debug\" in config.toml): every request, its status and the token fetches";
    }
    if (!files.config()) {
      return "the node's config.toml (--config /etc/containerd/config.toml)";
    }
    return "nothing more: the evidence settles it";
  }

  /** Which of the node's files were given. */
  record NodeFilesGiven(boolean config, boolean hostsDir) {}

  static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
