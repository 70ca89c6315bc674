package dev.pullproof.harness.node;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.kubelet.HelperCredentialsFactory;
import dev.pullproof.harness.run.Failure;
import dev.pullproof.harness.run.Job;
import dev.pullproof.harness.run.LoopbackPool;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.run.ScenarioRunner;
import dev.pullproof.harness.run.Shard;
import dev.pullproof.harness.run.Verdict;
import dev.pullproof.harness.scenario.ScenarioCatalog;
import dev.pullproof.harness.scenario.VersionFamily;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue's vertical slice ({@code scenarios/slice}) as parameterized tests, one per
 * (scenario, version), on real containerd through the runner: each must end in {@code PASS}, so
 * every expectation the files state still holds for the prepared containerd releases.
 */
class CatalogueSliceTest {
  private static final Path SLICE =
      Path.of(System.getProperty("pullproof.scenarios", "../scenarios"), "slice");

  private final ScenarioRunner runner =
      ScenarioRunner.forNodes(
          new ContainerdNodeFactory(),
          new HelperCredentialsFactory()::create,
          LoopbackPool.standard(),
          1,
          Clock.systemUTC(),
          "catalogue-slice-test");

  static List<Job> slice() {
    return Job.plan(
        new ScenarioCatalog().load(List.of(SLICE)), EnumSet.allOf(VersionFamily.class), Shard.ALL);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("slice")
  void scenarioHoldsOnRealContainerd(Job job) {
    RunResult result = runner.runOne(job);

    assertThat(result.verdict().status())
        .as(
            () ->
                job
                    + " on containerd "
                    + result.outcome().containerdVersion()
                    + ": "
                    + result.verdict().error().orElse("")
                    + result.verdict().failures().stream()
                        .map(Failure::message)
                        .collect(joining("\n")))
        .isEqualTo(Verdict.Status.PASS);
  }
}
