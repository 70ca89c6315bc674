package dev.pullproof.harness.cli;

import dev.pullproof.harness.report.CatalogueDoc;
import dev.pullproof.harness.report.ConsoleMatrix;
import dev.pullproof.harness.report.ConsoleProgress;
import dev.pullproof.harness.report.Redactor;
import dev.pullproof.harness.report.ReportWriter;
import dev.pullproof.harness.run.Job;
import dev.pullproof.harness.run.LogLevel;
import dev.pullproof.harness.run.NodeFactory;
import dev.pullproof.harness.run.RunListener;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.run.ScenarioRunner;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioCatalog;
import dev.pullproof.harness.scenario.ScenarioException;
import dev.pullproof.harness.scenario.ScenarioSources;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.world.LoopbackPool;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
      names = {"--parallel", "-j"},
      paramLabel = "N",
      description =
          "Runs at once, at most what the containerd harness allows (one per processor; default:"
              + " ${DEFAULT-VALUE}, this machine's processors)")
  int parallel = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--doc",
      paramLabel = "FILE",
      description =
          "Where to write the failure catalogue page from this run, e.g."
              + " docs/failure-catalogue.md (default: failure-catalogue.md in the report directory);"
              + " with it, the runs are repeated at debug level and the explain signatures beside"
              + " the page hold both levels")
  Path doc;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      converter = LogLevelConverter.class,
      description =
          "containerd's --log-level in the runs: trace, debug, info, warn or error (default:"
              + " info). Expectations on the log were written at info level.")
  LogLevel logLevel = LogLevel.INFO;

  @Option(
      names = "--watch",
      description =
          "After the run, run a scenario again whenever its files change (the TOML, its world"
              + " file, the files it references), until Ctrl-C")
  boolean watch;

  /** How often {@code --watch} looks at the files: a rerun starts within this of a save. */
  static final Duration WATCH_INTERVAL = Duration.ofMillis(250);

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
    harness.nodes().ifPresent(NodeFactory::connectEarly);
    List<Scenario> scenarios = new ScenarioCatalog().load(selection.paths());
    int exit = runAndReport(scenarios);
    if (!watch || harness.nodes().isEmpty()) {
      return exit;
    }
    return watch(scenarios, exit);
  }

  /**
   * Until interrupted: waits for a change to the files of the scenarios, then runs those whose
   * files changed again, with reports, as a first run would. A scenario file that no longer reads
   * is reported and watched on; returns the last run's exit code.
   */
  private int watch(List<Scenario> scenarios, int exit) {
    PrintWriter err = spec.commandLine().getErr();
    FileWatch files = new FileWatch(WATCH_INTERVAL);
    Map<Path, Scenario> bySource = new LinkedHashMap<>();
    while (true) {
      bySource.clear();
      for (Scenario s : scenarios) {
        ScenarioSources.of(s).forEach(f -> bySource.putIfAbsent(f, s));
      }
      progress.println(
          "watching "
              + bySource.size()
              + " file(s) of "
              + scenarios.size()
              + " scenario(s) for changes (Ctrl-C ends)");
      progress.flush();
      Set<Path> changed;
      try {
        changed = files.awaitChange(bySource.keySet());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return exit;
      }
      Set<Path> again = new java.util.HashSet<>();
      changed.forEach(f -> again.add(bySource.get(f).file().toAbsolutePath().normalize()));
      progress.println(
          "changed: " + String.join(", ", changed.stream().map(Path::toString).toList()));
      progress.flush();
      try {
        List<Scenario> reloaded = new ScenarioCatalog().load(selection.paths());
        scenarios = reloaded;
        List<Scenario> rerun =
            reloaded.stream()
                .filter(s -> again.contains(s.file().toAbsolutePath().normalize()))
                .toList();
        if (!rerun.isEmpty()) {
          exit = runAndReport(rerun);
        }
      } catch (ScenarioException invalid) {
        invalid.problems().forEach(err::println);
        err.println(invalid.problems().size() + " problem(s) in the scenario files; nothing ran");
        err.flush();
        exit = ExitCode.USAGE;
      }
    }
  }

  private int runAndReport(List<Scenario> scenarios) {
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
    List<ContainerdVersion> versions = jobs.stream().map(Job::family).distinct().toList();
    harness
        .prepareNodes()
        .prepare(versions, scenarios.stream().anyMatch(s -> !s.executables().isEmpty()));
    harness.nodes().get().prepare(versions);
    Redactor redactor = Redactor.forScenarios(scenarios);
    Instant start = clock.instant();
    ScenarioRunner runner = runner(logLevel);
    List<RunResult> results = runner.run(jobs, new ConsoleProgress(progress, redactor));
    Duration wallTime = Duration.between(start, clock.instant());
    new ConsoleMatrix(redactor).print(results, progress);
    Path page = new ReportWriter(redactor).write(results, report);
    PrintWriter out = spec.commandLine().getOut();
    out.println(summary(results, scenarios.size(), wallTime, runner.parallelism()));
    Path catalogue = doc != null ? doc : report.resolve("failure-catalogue.md");
    writeDoc(results, wallTime, redactor, catalogue);
    out.println("failure catalogue: " + catalogue);
    out.flush();
    Map<LogLevel, List<RunResult>> evidence = new LinkedHashMap<>();
    evidence.put(logLevel, results);
    if (doc != null && logLevel != LogLevel.DEBUG) {
      evidence.put(LogLevel.DEBUG, evidencePass(jobs, LogLevel.DEBUG));
    }
    out.println(
        "explain signatures: " + ExplainCommand.writeSignatures(evidence, redactor, catalogue));
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

  private ScenarioRunner runner(LogLevel level) {
    return ScenarioRunner.forNodes(
        harness.nodes().get(),
        harness.credentials(),
        LoopbackPool.standard(),
        parallel,
        clock,
        "pullproof-" + clock.millis(),
        level);
  }

  /**
   * The same jobs again, containerd at {@code level}: evidence for {@code explain}, whatever the
   * verdicts (a scenario's log expectations were written at info level). Reports and the exit code
   * stay the first pass's.
   */
  private List<RunResult> evidencePass(List<Job> jobs, LogLevel level) {
    progress.println(
        "recording explain's evidence at "
            + level.label()
            + " level: the "
            + jobs.size()
            + " run(s) again (verdicts not reported)");
    progress.flush();
    Instant start = clock.instant();
    int step = Math.max(1, jobs.size() / 10);
    RunListener tenths =
        (result, done, total) -> {
          if (done % step == 0 || done == total) {
            synchronized (progress) {
              progress.println("  " + level.label() + " level: " + done + "/" + total);
              progress.flush();
            }
          }
        };
    List<RunResult> results = runner(level).run(jobs, tenths);
    progress.println(
        "recorded "
            + results.size()
            + " run(s) at "
            + level.label()
            + " level in "
            + seconds(Duration.between(start, clock.instant())));
    progress.flush();
    return results;
  }

  /** Parses a log level, listing the known ones. */
  static final class LogLevelConverter implements picocli.CommandLine.ITypeConverter<LogLevel> {
    @Override
    public LogLevel convert(String value) {
      return LogLevel.of(value.trim())
          .orElseThrow(
              () ->
                  new picocli.CommandLine.TypeConversionException(
                      "unknown log level '" + value + "'; known: " + LogLevel.labels()));
    }
  }

  private void writeDoc(List<RunResult> results, Duration wallTime, Redactor redactor, Path page) {
    String command =
        "./pullproof run "
            + String.join(" ", selection.paths().stream().map(Path::toString).toList())
            + " --doc "
            + page;
    try {
      new CatalogueDoc(redactor, command).write(results, clock.instant(), wallTime, page);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + page + ": " + e.getMessage(), e);
    }
  }

  /**
   * The last line about the runs: the wall time, and the runs' own times added up, whose ratio is
   * what running them at once gained.
   */
  static String summary(List<RunResult> results, int scenarios, Duration wallTime, int parallel) {
    Duration runs =
        results.stream().map(r -> r.outcome().wallTime()).reduce(Duration.ZERO, Duration::plus);
    return results.size()
        + " run(s) of "
        + scenarios
        + " scenario(s) in "
        + seconds(wallTime)
        + " ("
        + Math.min(parallel, Math.max(1, results.size()))
        + " at once; the runs took "
        + seconds(runs)
        + " together)";
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
