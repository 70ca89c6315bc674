package dev.pullproof.harness.cli;

import dev.pullproof.harness.report.ConsoleMatrix;
import dev.pullproof.harness.report.ConsoleProgress;
import dev.pullproof.harness.report.Redactor;
import dev.pullproof.harness.report.ReportWriter;
import dev.pullproof.harness.run.Job;
import dev.pullproof.harness.run.LoopbackPool;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.run.ScenarioRunner;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioCatalog;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs scenarios on real containerd and writes the reports. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run scenarios on real containerd, print progress, write JUnit XML, Markdown and HTML.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every run passed (or only observed)",
      "1:some expectation did not hold",
      "2:bad usage or an invalid scenario file",
      "3:some run could not complete (containerd did not start, timeout, no containerd here)"
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin Selection selection;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description =
          "Where to write junit.xml, report.md and report.html (default: ${DEFAULT-VALUE})")
  Path report = Path.of("pullproof-report");

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "Runs at once, at most what the containerd harness allows (default: ${DEFAULT-VALUE})")
  int parallel = 2;

  private final Harness harness;
  private final Clock clock;
  private final PrintStream progress;

  RunCommand(Harness harness, Clock clock, PrintStream progress) {
    this.harness = harness;
    this.clock = clock;
    this.progress = progress;
  }

  @Override
  public Integer call() {
    if (parallel < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--parallel must be at least 1");
    }
    List<Scenario> scenarios = new ScenarioCatalog().load(selection.paths());
    List<Job> jobs = Job.plan(scenarios, selection.families(), selection.shard);
    PrintWriter err = spec.commandLine().getErr();
    if (harness.nodes().isEmpty()) {
      err.println(
          "pullproof: this build has no containerd harness (no NodeFactory service found);"
              + " the scenarios are valid: "
              + jobs.size()
              + " run(s) would have started");
      err.flush();
      return ExitCode.INCOMPLETE;
    }
    Redactor redactor = Redactor.forScenarios(scenarios);
    ScenarioRunner runner =
        ScenarioRunner.forNodes(
            harness.nodes().get(),
            harness.credentials(),
            LoopbackPool.standard(),
            parallel,
            clock,
            "pullproof-" + clock.millis());
    List<RunResult> results = runner.run(jobs, new ConsoleProgress(progress, redactor));
    new ConsoleMatrix(redactor).print(results, progress);
    Path page = new ReportWriter(redactor).write(results, report);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "reports: "
            + report.resolve("junit.xml")
            + ", "
            + report.resolve("report.md")
            + ", "
            + page);
    out.flush();
    return ExitCode.of(results);
  }
}
