package dev.pullproof.harness.run;

import dev.pullproof.harness.world.LoopbackPool;
import dev.pullproof.harness.world.WorldInstaller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs jobs, each isolated (its own world and node) and bounded by its scenario's timeout, as many
 * at once as the node factory allows and the runner was given. Results come back in job order;
 * listeners hear of each as it finishes.
 */
public final class ScenarioRunner {
  /** Extra time over a scenario's timeout for teardown before a job is abandoned. */
  static final Duration GRACE = Duration.ofSeconds(10);

  private final Function<Job, Outcome> execution;
  private final VerdictChecker checker = new VerdictChecker();
  private final int parallelism;
  private final Clock clock;
  private final Duration grace;

  /**
   * @param execution runs one job; {@link #forNodes} gives the real one
   * @param parallelism how many jobs run at once, at least 1
   */
  public ScenarioRunner(Function<Job, Outcome> execution, int parallelism, Clock clock) {
    this(execution, parallelism, clock, GRACE);
  }

  ScenarioRunner(Function<Job, Outcome> execution, int parallelism, Clock clock, Duration grace) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.execution = execution;
    this.parallelism = parallelism;
    this.clock = clock;
    this.grace = grace;
  }

  /** A runner that starts real worlds and nodes, at most {@code parallelism} at once. */
  public static ScenarioRunner forNodes(
      NodeFactory nodes,
      java.util.function.Supplier<KubeletCredentials> credentials,
      LoopbackPool addresses,
      int parallelism,
      Clock clock,
      String runLabel) {
    return forNodes(nodes, credentials, addresses, parallelism, clock, runLabel, LogLevel.INFO);
  }

  /** As above, containerd logging at {@code logLevel}. */
  public static ScenarioRunner forNodes(
      NodeFactory nodes,
      java.util.function.Supplier<KubeletCredentials> credentials,
      LoopbackPool addresses,
      int parallelism,
      Clock clock,
      String runLabel,
      LogLevel logLevel) {
    JobExecution job =
        new JobExecution(
            new WorldInstaller(addresses, clock), nodes, credentials, clock, runLabel, logLevel);
    return new ScenarioRunner(job::run, Math.min(parallelism, nodes.maxParallel()), clock);
  }

  /** How many jobs run at once at most. */
  public int parallelism() {
    return parallelism;
  }

  public List<RunResult> run(List<Job> jobs, RunListener listener) {
    listener.started(jobs.size());
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, jobs.size())));
    AtomicInteger done = new AtomicInteger();
    try {
      List<Future<RunResult>> futures = new ArrayList<>();
      for (Job job : jobs) {
        futures.add(
            pool.submit(
                () -> {
                  RunResult result = runOne(job);
                  listener.finished(result, done.incrementAndGet(), jobs.size());
                  return result;
                }));
      }
      List<RunResult> results = new ArrayList<>();
      for (Future<RunResult> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running scenarios", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a run failed unexpectedly: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs one job on its own thread, giving up after the scenario's timeout plus grace; for a JUnit
   * parameterized test over {@link Job#plan} (one test per scenario and version).
   */
  public RunResult runOne(Job job) {
    Instant started = clock.instant();
    Duration limit = job.scenario().timeout().plus(grace);
    ExecutorService single =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "pullproof " + job.label()));
    Outcome outcome;
    try {
      Future<Outcome> running = single.submit(() -> execution.apply(job));
      try {
        outcome = running.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        running.cancel(true);
        outcome =
            Outcome.failedToRun(
                "timed out after "
                    + job.scenario().timeout().toMillis()
                    + " ms (the scenario's timeout) plus "
                    + grace.toMillis()
                    + " ms for teardown",
                started,
                Duration.between(started, clock.instant()));
      } catch (ExecutionException e) {
        outcome =
            Outcome.failedToRun(
                "the run crashed: " + JobExecution.describe(e.getCause()),
                started,
                Duration.between(started, clock.instant()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome =
          Outcome.failedToRun("interrupted", started, Duration.between(started, clock.instant()));
    } finally {
      single.shutdownNow();
    }
    return new RunResult(
        job.scenario(),
        job.family(),
        outcome,
        checker.check(job.scenario(), job.family(), outcome));
  }
}
