package dev.pullproof.harness.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.kubelet.HelperCredentialsFactory;
import dev.pullproof.harness.run.Job;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.run.ScenarioRunner;
import dev.pullproof.harness.run.Shard;
import dev.pullproof.harness.run.Verdict;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioCatalog;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.world.HostRequest;
import dev.pullproof.harness.world.LoopbackPool;
import dev.pullproof.testing.Needs;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same seeded scenario, run 10 times on real containerd, gives the same verdict and the same
 * per-request decisions every time: a mirror answers 40% of blob GETs with a seeded 503, the
 * upstream is the fallback host.
 *
 * <p>What is compared, honestly: containerd fetches the layers of an image in parallel, so the
 * ORDER in which blob GETs reach the registry varies from run to run. The test therefore compares
 * each host's journal in a canonical order (sorted lines of method, path, status and fault: the
 * decision each request met, its k-th repetition included), not in arrival order; whether the
 * arrival order varied is printed. A chance decided by arrival position would then hand the 503s to
 * different blobs each run, so the rule decides per request ({@code chance_by = "request"}: method,
 * route, repository, reference and the occurrence of that request are hashed with the seed).
 */
@Needs(docker = true)
class SeededRunDeterminismIT {
  private static final int RUNS = Integer.getInteger("pullproof.determinism.runs", 10);

  private final ScenarioRunner runner =
      ScenarioRunner.forNodes(
          new ContainerdNodeFactory(),
          new HelperCredentialsFactory()::create,
          LoopbackPool.standard(),
          1,
          Clock.systemUTC(),
          "determinism-test");

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void tenRunsMeetTheSameDecisions(ContainerdVersion family) throws Exception {
    Scenario scenario = scenario();
    Job job =
        Job.plan(List.of(scenario), Set.of(family), Shard.parse("1/1")).stream()
            .findFirst()
            .orElseThrow();
    List<Map<String, List<String>>> canonical = new ArrayList<>();
    Set<Map<String, List<String>>> arrivalOrders = new HashSet<>();
    for (int run = 0; run < RUNS; run++) {
      RunResult result = runner.runOne(job);
      assertThat(result.verdict().status())
          .as(
              "run %d on %s: %s %s",
              run,
              family,
              result.verdict().error().orElse(""),
              result.outcome().harnessError().orElse(""))
          .isEqualTo(Verdict.Status.PASS);
      canonical.add(journals(result, true));
      arrivalOrders.add(journals(result, false));
    }

    List<String> mirror = canonical.get(0).get("mirror");
    assertThat(mirror)
        .as("the seed gives some blob GETs the 503 and lets others through")
        .anyMatch(l -> l.contains("/blobs/") && l.contains("-> 503"))
        .anyMatch(l -> l.contains("/blobs/") && l.contains("-> 200"));
    for (int run = 1; run < RUNS; run++) {
      assertThat(canonical.get(run)).as("run %d, canonical order", run).isEqualTo(canonical.get(0));
    }
    System.out.printf(
        "determinism on %s: %d runs, identical per-request decisions; %d distinct arrival"
            + " order(s)%n",
        family, RUNS, arrivalOrders.size());
  }

  private static Scenario scenario() throws URISyntaxException {
    Path file =
        Path.of(
            SeededRunDeterminismIT.class.getResource("/determinism/seeded-blob-503.toml").toURI());
    return new ScenarioCatalog().load(List.of(file)).get(0);
  }

  /** Per host: "METHOD path -> status [fault]" lines, sorted or in arrival order. */
  private static Map<String, List<String>> journals(RunResult result, boolean sorted) {
    Map<String, List<String>> out = new TreeMap<>();
    result
        .outcome()
        .journals()
        .forEach(
            (host, entries) -> {
              List<String> lines =
                  entries.stream()
                      .sorted(Comparator.comparingLong(HostRequest::sequence))
                      .map(
                          e ->
                              e.method()
                                  + " "
                                  + e.path()
                                  + " -> "
                                  + e.status()
                                  + (e.fault() == null ? "" : " [" + e.fault() + "]"))
                      .sorted(sorted ? Comparator.naturalOrder() : (a, b) -> 0)
                      .toList();
              out.put(host, lines);
            });
    return out;
  }
}
