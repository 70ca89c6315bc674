package dev.pullproof.harness.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.explain.SignatureFile.RunEvidence;
import dev.pullproof.harness.run.LogLevel;
import dev.pullproof.harness.run.Outcome;
import dev.pullproof.harness.run.PullAttempt;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.run.VerdictChecker;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioParser;
import dev.pullproof.harness.scenario.Via;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated file from hand-built (synthetic) runs at two log levels: data this test writes,
 * never presented as containerd's output.
 */
class SignatureGeneratorTest {
  @TempDir Path dir;

  static final String FAILED =
      "time=\"2026-01-01T00:00:00Z\" level=error msg=\"PullImage \\\"r.test/a:1\\\" failed\""
          + " error=\"synthetic: connect: connection refused\"";

  private Scenario scenario(String name) throws Exception {
    Path file = dir.resolve(name + ".toml");
    Files.writeString(
        file, "name = \"" + name + "\"\nversions = [\"1.7\"]\n[[pull]]\nimage = \"r.test/a:1\"\n");
    return new ScenarioParser().parse(file);
  }

  private static RunResult run(Scenario s, String log) {
    PullAttempt pull =
        new PullAttempt(
            0,
            1,
            "r.test/a:1",
            Via.CRI,
            false,
            "synthetic: connect: connection refused",
            Instant.EPOCH,
            Duration.ofMillis(5));
    Outcome o =
        new Outcome(
            "1.7.0-synthetic",
            Optional.of(true),
            List.of(pull),
            Map.of(),
            log,
            List.of(),
            Optional.empty(),
            Instant.EPOCH,
            Duration.ofMillis(5));
    return new RunResult(
        s, ContainerdVersion.V1_7, o, new VerdictChecker().check(s, ContainerdVersion.V1_7, o));
  }

  private SignatureFile generate() throws Exception {
    List<RunResult> info = new ArrayList<>();
    List<RunResult> debug = new ArrayList<>();
    for (String name : List.of("a", "b", "c", "d")) {
      Scenario s = scenario(name);
      info.add(run(s, FAILED));
      debug.add(
          run(
              s,
              "time=\"2026-01-01T00:00:00Z\" level=debug msg=\"do request\" request.header.x=1\n"
                  + "time=\"2026-01-01T00:00:01Z\" level=debug msg=\"do request\" request.header.x=2\n"
                  + (name.equals("a")
                      ? "time=\"2026-01-01T00:00:02Z\" level=debug msg=\"synthetic only a\"\n"
                      : "")
                  + FAILED));
    }
    Map<LogLevel, List<RunResult>> byLevel = new LinkedHashMap<>();
    byLevel.put(LogLevel.INFO, info);
    byLevel.put(LogLevel.DEBUG, debug);
    return new SignatureGenerator(UnaryOperator.identity(), "synthetic").generate(byLevel, dir);
  }

  @Test
  void eachRunIsRecordedAtItsLevelInfoFirst() throws Exception {
    List<RunEvidence> runs = generate().runs();
    assertThat(runs).hasSize(8);
    assertThat(runs.subList(0, 2))
        .extracting(RunEvidence::scenario, RunEvidence::level)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "info"),
            org.assertj.core.groups.Tuple.tuple("a", "debug"));
  }

  @Test
  void aLineMostRunsOfOneLevelLogIsStartUpNoiseThoughTheOtherLevelNeverLogsIt() throws Exception {
    SignatureFile file = generate();
    assertThat(file.common().get("1.7")).anyMatch(l -> l.contains("do request"));
    RunEvidence aDebug = file.runs().get(1);
    assertThat(aDebug.log()).noneMatch(l -> l.contains("do request"));
    assertThat(aDebug.log()).anyMatch(l -> l.contains("synthetic only a"));
  }

  @Test
  void linesThatMakeTheSameStatementAreKeptOnceInARun() throws Exception {
    Scenario s = scenario("one");
    SignatureFile file =
        new SignatureGenerator(UnaryOperator.identity(), "synthetic")
            .generate(
                Map.of(
                    LogLevel.DEBUG,
                    List.of(
                        run(
                            s,
                            "level=debug msg=\"do request\" request.header.x=1\n"
                                + "level=debug msg=\"do request\" request.header.x=2\n"
                                + FAILED))),
                dir);
    assertThat(file.runs().get(0).log())
        .containsExactly("level=debug msg=\"do request\" request.header.x=1", Normal.of(FAILED));
  }

  @Test
  void aFileOfAnOlderFormatIsRefusedByItsFormatNotByItsFirstRun() throws Exception {
    Path old = dir.resolve("old.json");
    Files.writeString(
        old,
        "{\"format\": 1, \"runs\": [{\"scenario\": \"a\", \"version\": \"1.7\", \"errors\": [],"
            + " \"log\": []}]}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SignatureDatabase.read(old))
        .isInstanceOf(java.io.IOException.class)
        .hasMessage("format 1, this build reads " + SignatureFile.FORMAT);
  }
}
