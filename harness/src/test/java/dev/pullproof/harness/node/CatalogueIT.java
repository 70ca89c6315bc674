package dev.pullproof.harness.node;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.kubelet.HelperCredentialsFactory;
import dev.pullproof.harness.run.Failure;
import dev.pullproof.harness.run.Job;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.run.ScenarioRunner;
import dev.pullproof.harness.run.Shard;
import dev.pullproof.harness.run.Verdict;
import dev.pullproof.harness.scenario.ScenarioCatalog;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.world.LoopbackPool;
import dev.pullproof.testing.Needs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole catalogue (every scenario below {@code scenarios/}) as parameterized tests, one per
 * (scenario, version), on real containerd through the runner: each must end in {@code PASS} (or
 * {@code OBSERVED} for a scenario that states no expectations yet), so every expectation the files
 * state still holds for the prepared containerd releases. Bounded: each run by its scenario's
 * {@code timeout}, the plan by {@link #MAX_RUNS}; {@code -Dpullproof.shard=K/N} runs one shard.
 */
@Needs(docker = true)
class CatalogueIT {
  private static final Path CATALOGUE =
      Path.of(System.getProperty("pullproof.scenarios", "../scenarios"));

  /**
   * A bound on (scenario, version) runs in one test run, about a second each here: past it, CI
   * should shard ({@code -Dpullproof.shard}) rather than grow one job without limit.
   */
  static final int MAX_RUNS = 600;

  private final ScenarioRunner runner =
      ScenarioRunner.forNodes(
          new ContainerdNodeFactory(),
          new HelperCredentialsFactory()::create,
          LoopbackPool.standard(),
          1,
          Clock.systemUTC(),
          "catalogue-test");

  static List<Job> catalogue() {
    List<Job> jobs =
        Job.plan(
            new ScenarioCatalog().load(List.of(CATALOGUE)),
            new TreeSet<>(ContainerdVersion.families()),
            Shard.parse(System.getProperty("pullproof.shard", "1/1")));
    if (jobs.size() > MAX_RUNS) {
      throw new IllegalStateException(
          jobs.size()
              + " (scenario, version) runs exceed "
              + MAX_RUNS
              + ": run a shard with -Dpullproof.shard=K/N");
    }
    return jobs;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
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
        .isIn(Verdict.Status.PASS, Verdict.Status.OBSERVED);
  }
}
