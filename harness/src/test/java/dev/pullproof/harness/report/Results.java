package dev.pullproof.harness.report;

import dev.pullproof.harness.run.Outcome;
import dev.pullproof.harness.run.PullAttempt;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.run.VerdictChecker;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioParser;
import dev.pullproof.harness.scenario.Via;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.world.HostRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-built results for report tests: data the test writes, marked "synthetic", never presented as
 * containerd's output.
 */
final class Results {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Results() {}

  static Scenario scenario(Path dir, String name, String toml) {
    try {
      Path file = dir.resolve(name + ".toml");
      Files.writeString(file, toml);
      return new ScenarioParser().parse(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HostRequest entry(
      String host, long seq, long atMillis, String method, String path, String query, int status) {
    return new HostRequest(
        host,
        seq,
        T0.plusMillis(atMillis),
        method,
        path,
        query,
        status,
        null,
        null,
        HostRequest.Principal.ANONYMOUS,
        Duration.ofMillis(3),
        path.equals("/token") ? "token" : "manifest");
  }

  static PullAttempt attempt(int rep, boolean ok, String error, long startMillis, long millis) {
    return new PullAttempt(
        0,
        rep,
        "r.test/app:1",
        Via.CRI,
        ok,
        error,
        T0.plusMillis(startMillis),
        Duration.ofMillis(millis));
  }

  static Outcome outcome(
      List<PullAttempt> pulls,
      Map<String, List<HostRequest>> journals,
      String log,
      List<String> helper) {
    return new Outcome(
        "1.7.0-synthetic",
        Optional.of(true),
        pulls,
        journals,
        log,
        helper,
        Optional.empty(),
        T0,
        Duration.ofMillis(1234));
  }

  static RunResult judged(Scenario s, ContainerdVersion f, Outcome o) {
    return new RunResult(s, f, o, new VerdictChecker().check(s, f, o));
  }

  /** The requests grouped by the host each names, hosts in first-seen order. */
  static Map<String, List<HostRequest>> journal(HostRequest... entries) {
    Map<String, List<HostRequest>> m = new LinkedHashMap<>();
    for (HostRequest e : entries) {
      m.computeIfAbsent(e.host(), k -> new ArrayList<>()).add(e);
    }
    return m;
  }
}
