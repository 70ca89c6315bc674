package dev.pullproof.harness.run;

import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioParser;
import dev.pullproof.harness.scenario.Via;
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
 * Hand-built outcomes for verdict and report tests. They are data written by the test, not what
 * containerd said: error texts are marked "synthetic" so nobody mistakes them for real output.
 */
final class Outcomes {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final List<PullAttempt> pulls = new ArrayList<>();
  private final Map<String, List<HostRequest>> journals = new LinkedHashMap<>();
  private String log = "";
  private final List<String> helperLog = new ArrayList<>();
  private Optional<Boolean> cri = Optional.of(true);
  private Optional<String> error = Optional.empty();
  private long sequence;
  private final List<Observation> observations = new ArrayList<>();
  private final List<NodeInvocation> invocations = new ArrayList<>();

  static Scenario scenario(Path dir, String toml) {
    try {
      Path file = dir.resolve("s.toml");
      Files.writeString(file, toml);
      return new ScenarioParser().parse(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Outcomes pull(int index, int repetition, boolean success, String error, long millis) {
    pulls.add(
        new PullAttempt(
            index,
            repetition,
            "r.test/app:1",
            Via.CRI,
            success,
            error,
            T0,
            Duration.ofMillis(millis)));
    return this;
  }

  Outcomes succeeded() {
    return pull(0, 1, true, "", 100);
  }

  Outcomes failed(String error) {
    return pull(0, 1, false, error, 100);
  }

  /** A request; {@code path} may carry a query after {@code ?}. */
  Outcomes request(String registry, String method, String target, int status, long atMillis) {
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? "" : target.substring(question + 1);
    journals
        .computeIfAbsent(registry, k -> new ArrayList<>())
        .add(
            new HostRequest(
                registry,
                ++sequence,
                T0.plusMillis(atMillis),
                method,
                path,
                query,
                status,
                null,
                null,
                HostRequest.Principal.ANONYMOUS,
                Duration.ofMillis(2),
                path.startsWith("/token") ? "token" : "base"));
    return this;
  }

  Outcomes registry(String name) {
    journals.computeIfAbsent(name, k -> new ArrayList<>());
    return this;
  }

  Outcomes log(String text) {
    log = text;
    return this;
  }

  Outcomes helper(String line) {
    helperLog.add(line);
    return this;
  }

  Outcomes cri(boolean loaded) {
    cri = Optional.of(loaded);
    return this;
  }

  Outcomes harnessError(String why) {
    error = Optional.of(why);
    return this;
  }

  Outcomes observed(int index, String step, boolean success, String output) {
    observations.add(new Observation(index, step, success, output, Duration.ofMillis(5)));
    return this;
  }

  Outcomes ran(String program, String... args) {
    invocations.add(new NodeInvocation(program, List.of(args), "", T0));
    return this;
  }

  Outcome build() {
    return new Outcome(
        "1.7.0-synthetic",
        cri,
        pulls,
        journals,
        log,
        helperLog,
        error,
        T0,
        Duration.ofSeconds(1),
        observations,
        invocations);
  }
}
