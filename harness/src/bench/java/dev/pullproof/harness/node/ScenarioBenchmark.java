package dev.pullproof.harness.node;

import dev.pullproof.harness.containerd.CacheRoot;
import dev.pullproof.harness.containerd.ContainerdImage;
import dev.pullproof.harness.kubelet.HelperCredentialsFactory;
import dev.pullproof.harness.run.Job;
import dev.pullproof.harness.run.RunListener;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.run.ScenarioRunner;
import dev.pullproof.harness.run.Shard;
import dev.pullproof.harness.scenario.ScenarioCatalog;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.world.LoopbackPool;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.testcontainers.DockerClientFactory;

/**
 * Benchmark, not a test: runs scenarios (the slice by default) on warm containerd images several
 * rounds at each parallelism and prints the median wall time per (scenario, version), the whole run
 * per round, how many verdicts were not PASS/OBSERVED, and the cached image check of each family.
 * Run by {@code ci/bench-scenarios}.
 */
public final class ScenarioBenchmark {
  private final Clock clock;
  private final PrintStream out;

  ScenarioBenchmark(Clock clock, PrintStream out) {
    this.clock = clock;
    this.out = out;
  }

  /** Arguments: rounds (default 5), parallelisms (default "1,2"), then scenario paths. */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<Integer> parallel =
        args.length > 1
            ? java.util.Arrays.stream(args[1].split(",")).map(Integer::valueOf).toList()
            : List.of(1, 2);
    List<Path> paths =
        args.length > 2
            ? java.util.Arrays.stream(args, 2, args.length).map(Path::of).toList()
            : List.of(Path.of("scenarios/slice"));
    System.exit(new ScenarioBenchmark(Clock.systemUTC(), System.out).run(rounds, parallel, paths));
  }

  int run(int rounds, List<Integer> parallelisms, List<Path> paths) {
    imageChecks();
    List<Job> jobs =
        Job.plan(
            new ScenarioCatalog().load(paths),
            new TreeSet<>(ContainerdVersion.families()),
            Shard.ALL);
    ContainerdNodeFactory nodes = new ContainerdNodeFactory();
    runner(nodes, 1).run(jobs, RunListener.NONE); // warm-up: JVM, gRPC, Docker client
    int notOk = 0;
    for (int parallel : parallelisms) {
      Map<String, List<Duration>> perJob = new LinkedHashMap<>();
      List<Duration> whole = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        Instant start = clock.instant();
        List<RunResult> results = runner(nodes, parallel).run(jobs, RunListener.NONE);
        whole.add(Duration.between(start, clock.instant()));
        for (RunResult r : results) {
          perJob
              .computeIfAbsent(r.scenario().id() + " on " + r.family(), k -> new ArrayList<>())
              .add(r.outcome().wallTime());
          if (!r.verdict().ok()) {
            notOk++;
            out.printf(
                Locale.ROOT,
                "not ok: %s on %s: %s%s%n",
                r.scenario().id(),
                r.family(),
                r.verdict().error().orElse(""),
                r.verdict().failures().stream()
                    .map(f -> f.message())
                    .collect(java.util.stream.Collectors.joining("; ")));
          }
        }
      }
      out.printf(Locale.ROOT, "%nparallel %d, %d rounds%n", parallel, rounds);
      out.printf(Locale.ROOT, "%-40s %12s %12s%n", "(scenario, version)", "median", "min-max");
      perJob.forEach((job, times) -> out.printf(Locale.ROOT, "%-40s %s%n", job, spread(times)));
      out.printf(Locale.ROOT, "%-40s %s%n", "whole run (" + jobs.size() + " pairs)", spread(whole));
    }
    out.printf(Locale.ROOT, "%nverdicts other than PASS/OBSERVED: %d%n", notOk);
    return notOk == 0 ? 0 : 1;
  }

  private void imageChecks() {
    ContainerdImage images = new ContainerdImage(DockerClientFactory.instance().client(), clock);
    Path cache = CacheRoot.current();
    for (ContainerdVersion family : ContainerdVersion.families()) {
      ContainerdNodeFactory fresh = new ContainerdNodeFactory(cache, clock, () -> images);
      Instant start = clock.instant();
      ContainerdNodeFactory.PreparedImage prepared = fresh.prepare(family);
      out.printf(
          Locale.ROOT,
          "image check %-3s %-24s %5d ms (cached: %s)%n",
          family,
          prepared.release().containerdVersion(),
          Duration.between(start, clock.instant()).toMillis(),
          prepared.name());
    }
  }

  private ScenarioRunner runner(ContainerdNodeFactory nodes, int parallel) {
    return ScenarioRunner.forNodes(
        nodes,
        new HelperCredentialsFactory()::create,
        LoopbackPool.standard(),
        parallel,
        clock,
        "pullproof-bench-" + clock.millis());
  }

  private static String spread(List<Duration> times) {
    List<Long> ms = times.stream().map(Duration::toMillis).sorted().toList();
    return String.format(
        Locale.ROOT, "%9d ms %6d-%d ms", ms.get(ms.size() / 2), ms.get(0), ms.get(ms.size() - 1));
  }
}
