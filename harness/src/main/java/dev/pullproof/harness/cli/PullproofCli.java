package dev.pullproof.harness.cli;

import dev.pullproof.harness.scenario.Problem;
import dev.pullproof.harness.scenario.ScenarioException;
import java.io.PrintStream;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pullproof run|list|validate|world}: a thin shell over the scenario catalogue, runner and
 * reports. Exit codes are documented on {@link ExitCode}.
 */
@Command(
    name = "pullproof",
    mixinStandardHelpOptions = true,
    description = "Reproduce image-pull failures on real containerd and prove the fixes.",
    subcommands = {
      RunCommand.class,
      ListCommand.class,
      ValidateCommand.class,
      WorldCommand.class,
      ReportMergeCommand.Group.class
    })
public final class PullproofCli {
  // Undertow and XNIO announce each registry start at INFO; the console is for progress.
  // Held here because JUL keeps loggers weakly and would forget the level.
  private static final java.util.List<java.util.logging.Logger> QUIET =
      java.util.List.of(
          java.util.logging.Logger.getLogger("io.undertow"),
          java.util.logging.Logger.getLogger("org.xnio"));

  private PullproofCli() {}

  public static void main(String[] args) {
    QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
    System.exit(execute(Harness.discover(), Clock.systemUTC(), System.out, args));
  }

  /** Builds the command line with its collaborators, runs it and returns the exit code. */
  static int execute(Harness harness, Clock clock, PrintStream progress, String... args) {
    return commandLine(harness, clock, progress, WorldCommand::untilShutdown).execute(args);
  }

  static CommandLine commandLine(
      Harness harness,
      Clock clock,
      PrintStream progress,
      java.util.function.Consumer<Runnable> serveWorld) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine cli =
        new CommandLine(
            new PullproofCli(),
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> type) throws Exception {
                if (type == RunCommand.class) {
                  return type.cast(new RunCommand(harness, clock, progress));
                }
                if (type == ValidateCommand.class) {
                  return type.cast(new ValidateCommand(harness, clock));
                }
                if (type == WorldCommand.class) {
                  return type.cast(new WorldCommand(clock, serveWorld));
                }
                return defaults.create(type);
              }
            });
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof ScenarioException invalid) {
            for (Problem p : invalid.problems()) {
              line.getErr().println(p);
            }
            line.getErr()
                .println(
                    invalid.problems().size() + " problem(s) in the scenario files; nothing ran");
            line.getErr().flush();
            return ExitCode.USAGE;
          }
          line.getErr().println("pullproof: " + e.getMessage());
          line.getErr().flush();
          return ExitCode.INCOMPLETE;
        });
    return cli;
  }
}
