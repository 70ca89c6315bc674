package dev.pullproof.harness.cli;

import dev.pullproof.harness.report.Redactor;
import dev.pullproof.harness.report.ReportWriter;
import dev.pullproof.harness.report.ResultsFile;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pullproof report merge DIR... --out DIR}: one report from the report directories of a CI
 * matrix's shards, read from each one's {@code results.json}; every report is written again, the
 * JUnit XML holding every shard's runs.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = "Merge the report directories of several runs (e.g. CI shards) into one report.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every merged run passed (or only observed)",
      "1:some expectation did not hold",
      "2:bad usage, or a directory without results.json, or a run in two shards",
      "3:some run could not complete"
    })
final class ReportMergeCommand implements Callable<Integer> {
  /** {@code pullproof report}: commands over written reports. */
  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description = "Work with written report directories.",
      subcommands = ReportMergeCommand.class)
  static final class Group {}

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "DIR",
      description = "Report directories written by pullproof run --report")
  List<Path> shards;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where to write the merged report (replaced whole, as a run's is)")
  Path out;

  @Option(
      names = "--scenarios-root",
      paramLabel = "DIR",
      description =
          "Where the scenario files named in results.json are found (default: the current"
              + " directory, the checkout the shards ran from)")
  Path root = Path.of("");

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    List<RunResult> all = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    for (Path shard : shards) {
      if (shard.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--out " + out + " is also an input: choose a new directory");
      }
      Path file = shard.resolve("results.json");
      if (!Files.isRegularFile(file)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            shard
                + " has no results.json: give directories that pullproof run --report wrote"
                + " (with this version of pullproof)");
      }
      try {
        for (RunResult r : ResultsFile.read(file, root)) {
          String key = r.scenario().id() + " on " + r.family().label();
          Path before = seen.putIfAbsent(key, shard);
          if (before != null) {
            throw new CommandLine.ParameterException(
                spec.commandLine(),
                key
                    + " is in both "
                    + before
                    + " and "
                    + shard
                    + ": merge the shards of one run (--shard K/N), each once");
          }
          all.add(r);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }
    Map<String, Scenario> scenarios = new LinkedHashMap<>();
    all.forEach(r -> scenarios.putIfAbsent(r.scenario().id(), r.scenario()));
    Redactor redactor = Redactor.forScenarios(List.copyOf(scenarios.values()));
    Path page = new ReportWriter(redactor).write(all, out);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(
        all.size()
            + " run(s) of "
            + scenarios.size()
            + " scenario(s) from "
            + shards.size()
            + " report(s)");
    stdout.println(
        "reports: " + out.resolve("junit.xml") + ", " + out.resolve("report.md") + ", " + page);
    stdout.flush();
    err.flush();
    return ExitCode.of(all);
  }
}
