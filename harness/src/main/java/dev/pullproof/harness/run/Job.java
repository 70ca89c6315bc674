package dev.pullproof.harness.run;

import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One (scenario, version) pair to run. */
public record Job(Scenario scenario, ContainerdVersion family) {
  public Job {
    if (scenario == null || family == null) {
      throw new IllegalArgumentException("a job needs a scenario and a version family");
    }
  }

  /**
   * The jobs for a shard of the scenarios: each scenario (sorted by id) on each of its versions
   * that is also in {@code versions}, in the scenario's version order; then on each exact release
   * in {@code versions} that the scenario does not name but whose family it runs on (a catalogue
   * written for Debian's families runs on {@code 2.2.1} as on {@code 2}).
   */
  public static List<Job> plan(
      List<Scenario> scenarios, Set<ContainerdVersion> versions, Shard shard) {
    List<Scenario> sorted =
        scenarios.stream().sorted(java.util.Comparator.comparing(Scenario::id)).toList();
    List<Job> jobs = new ArrayList<>();
    for (Scenario s : shard.select(sorted)) {
      s.versions().stream().filter(versions::contains).forEach(v -> jobs.add(new Job(s, v)));
      versions.stream()
          .filter(v -> !v.isFamily() && !s.versions().contains(v))
          .filter(v -> s.versions().contains(v.family()))
          .sorted()
          .forEach(v -> jobs.add(new Job(s, v)));
    }
    return jobs;
  }

  /** {@code auth/token-no-creds on 1.7}. */
  public String label() {
    return scenario.id() + " on " + family;
  }

  /** The label, so test names and logs stay short (and never print the scenario's data). */
  @Override
  public String toString() {
    return label();
  }
}
