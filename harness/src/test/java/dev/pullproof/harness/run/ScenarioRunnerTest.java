package dev.pullproof.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's scheduling, bounding and result assembly, with executions that return hand-built
 * outcomes (data): no containerd is involved or claimed here.
 */
class ScenarioRunnerTest {
  @TempDir Path dir;

  private Scenario scenario(String timeout) {
    return Outcomes.scenario(
        dir,
        "name = \"r\"\ntimeout = \""
            + timeout
            + "\"\n[[pull]]\nimage = \"r.test/app:1\"\n[expect]\noutcome = \"success\"\n");
  }

  private ScenarioRunner runner(Function<Job, Outcome> execution, int parallelism) {
    return new ScenarioRunner(execution, parallelism, Clock.systemUTC(), Duration.ofMillis(100));
  }

  @Test
  void resultsComeBackInJobOrderWithTheirVerdicts() {
    Scenario s = scenario("300ms");
    List<Job> jobs = Job.plan(List.of(s), new TreeSet<>(ContainerdVersion.families()), Shard.ALL);
    List<String> heard = Collections.synchronizedList(new ArrayList<>());
    List<RunResult> results =
        runner(
                job ->
                    job.family().equals(ContainerdVersion.V2)
                        ? new Outcomes().failed("synthetic: denied").build()
                        : new Outcomes().succeeded().build(),
                2)
            .run(jobs, (r, done, total) -> heard.add(done + "/" + total));

    assertThat(results)
        .extracting(RunResult::family)
        .containsExactlyElementsOf(ContainerdVersion.families());
    assertThat(results)
        .extracting(r -> r.verdict().status())
        .containsExactly(Verdict.Status.PASS, Verdict.Status.PASS, Verdict.Status.FAIL);
    assertThat(heard).containsExactlyInAnyOrder("1/3", "2/3", "3/3");
  }

  @Test
  void aRunOutlivingItsTimeoutBecomesAnErrorAndIsInterrupted() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    Job job = new Job(scenario("300ms"), ContainerdVersion.V1_7);
    RunResult result =
        runner(
                j -> {
                  try {
                    Thread.sleep(60_000);
                  } catch (InterruptedException e) {
                    interrupted.countDown();
                  }
                  return new Outcomes().succeeded().build();
                },
                1)
            .runOne(job);

    assertThat(result.verdict().status()).isEqualTo(Verdict.Status.ERROR);
    assertThat(result.verdict().error())
        .contains("timed out after 300 ms (the scenario's timeout) plus 100 ms for teardown");
    assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aCrashingRunIsAnErrorNamingTheCause() {
    RunResult result =
        runner(
                j -> {
                  throw new IllegalStateException("socket vanished");
                },
                1)
            .runOne(new Job(scenario("300ms"), ContainerdVersion.V2));
    assertThat(result.verdict().error()).contains("the run crashed: socket vanished");
  }

  @Test
  void twoJobsRunAtOnceWithParallelismTwo() {
    Function<Job, Outcome> meet = meetBoth(Duration.ofSeconds(10));
    Scenario s = scenario("30s");
    List<Job> jobs = List.of(new Job(s, ContainerdVersion.V1_6), new Job(s, ContainerdVersion.V2));

    assertThat(runner(meet, 2).run(jobs, RunListener.NONE))
        .allSatisfy(r -> assertThat(r.verdict().status()).isEqualTo(Verdict.Status.PASS));
  }

  @Test
  void oneAtATimeWithParallelismOne() {
    Function<Job, Outcome> meet = meetBoth(Duration.ofMillis(100));
    Scenario s = scenario("30s");
    List<Job> jobs = List.of(new Job(s, ContainerdVersion.V1_6), new Job(s, ContainerdVersion.V2));

    assertThat(runner(meet, 1).run(jobs, RunListener.NONE))
        .extracting(r -> r.verdict().status())
        .containsExactly(Verdict.Status.FAIL, Verdict.Status.PASS);
  }

  @Test
  void planningKeepsTheScenariosVersionsThatWereAskedForInShard() {
    Scenario a =
        Outcomes.scenario(
            dir, "name = \"a\"\nversions = [\"1.6\", \"2\"]\n[[pull]]\nimage = \"x.test/a:1\"\n");
    List<Job> jobs =
        Job.plan(List.of(a), Set.of(ContainerdVersion.V2, ContainerdVersion.V1_7), Shard.ALL);
    assertThat(jobs).extracting(Job::label).containsExactly("s on 2");
    assertThat(Job.plan(List.of(a), new TreeSet<>(ContainerdVersion.families()), new Shard(2, 2)))
        .isEmpty();
  }

  /**
   * A job body that passes only if the other of two jobs starts within {@code wait}: a runner
   * running them together gets both done, one running them in turn fails the first.
   */
  private static Function<Job, Outcome> meetBoth(Duration wait) {
    CountDownLatch bothStarted = new CountDownLatch(2);
    return job -> {
      bothStarted.countDown();
      try {
        return bothStarted.await(wait.toMillis(), TimeUnit.MILLISECONDS)
            ? new Outcomes().succeeded().build()
            : new Outcomes().failed("synthetic: ran alone").build();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
