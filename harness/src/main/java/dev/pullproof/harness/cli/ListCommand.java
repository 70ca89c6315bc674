package dev.pullproof.harness.cli;

import dev.pullproof.harness.run.Job;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioCatalog;
import dev.pullproof.harness.version.ContainerdVersion;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Validates the scenarios and lists the ones selected, with the versions each would run on. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Validate scenario files and list the selected scenarios and versions.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:all files valid", "2:bad usage or an invalid scenario file"})
final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin Selection selection;

  @Override
  public Integer call() {
    List<Scenario> scenarios = new ScenarioCatalog().load(selection.paths());
    List<Job> jobs = Job.plan(scenarios, selection.families(), selection.shard);
    Map<Scenario, List<ContainerdVersion>> byScenario = new LinkedHashMap<>();
    jobs.forEach(
        j ->
            byScenario
                .computeIfAbsent(j.scenario(), s -> new java.util.ArrayList<>())
                .add(j.family()));
    PrintWriter out = spec.commandLine().getOut();
    byScenario.forEach(
        (s, versions) ->
            out.println(
                s.id()
                    + "  ["
                    + String.join(",", versions.stream().map(ContainerdVersion::label).toList())
                    + "]  "
                    + s.name()
                    + (s.summary().isEmpty() ? "" : ": " + s.summary())
                    + (s.expect().isEmpty() ? "  (no expectations: observe only)" : "")));
    out.println(
        byScenario.size()
            + " scenario(s), "
            + jobs.size()
            + " run(s)"
            + (selection.shard.count() > 1 ? " in shard " + selection.shard : ""));
    out.flush();
    return ExitCode.OK;
  }
}
