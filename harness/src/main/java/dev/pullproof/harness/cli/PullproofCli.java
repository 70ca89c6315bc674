package dev.pullproof.harness.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pullproof}: the one command tree, the only main the launcher starts. Each subcommand is a
 * thin picocli shell over tested classes: {@code run}, {@code list}, {@code validate} and {@code
 * world} here; {@code registry serve} over the fake registry's own {@code serve}; {@code helper}
 * over the fake helper's {@code install} and call path. A new command ({@code explain}, {@code
 * record}, {@code report merge}...) is one class in this package, added to {@code subcommands}
 * below, with any collaborators it needs passed in {@link #commandLine}'s factory. Exit codes are
 * documented on {@link ExitCode}; bad usage is one line ({@link Failures}).
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
      RecordCommand.class,
      RegistryCommand.class,
      HelperCommand.class,
      ExplainCommand.class,
      ReportMergeCommand.Group.class
    },
    exitCodeListHeading = "%nExit codes (each command's --help has its own):%n",
    exitCodeList = {
      "0:success",
      "1:not passed: an expectation did not hold, the node is not ready, a registry or helper failed",
      "2:bad usage or an invalid file",
      "3:could not complete (no Docker engine, containerd did not start)"
    })
public final class PullproofCli {
  // Undertow and XNIO announce each registry start at INFO; the console is for progress.
  // Held here because JUL keeps loggers weakly and would forget the level.
  private static final List<Logger> QUIET =
      List.of(Logger.getLogger("io.undertow"), Logger.getLogger("org.xnio"));

  private PullproofCli() {}

  public static void main(String[] args) {
    QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
    System.exit(execute(Harness.discover(), Clock.systemUTC(), System.out, args));
  }

  /** Builds the command line with its collaborators, runs it and returns the exit code. */
  static int execute(Harness harness, Clock clock, PrintStream progress, String... args) {
    return commandLine(harness, clock, progress, WorldCommand::untilShutdown).execute(args);
  }

  static CommandLine commandLine(
      Harness harness, Clock clock, PrintStream progress, Consumer<Runnable> serveWorld) {
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
                if (type == RecordCommand.class) {
                  return type.cast(new RecordCommand(serveWorld));
                }
                if (type == RegistryServeCommand.class) {
                  return type.cast(new RegistryServeCommand(new WorldCommand(clock, serveWorld)));
                }
                return defaults.create(type);
              }
            });
    cli.setParameterExceptionHandler(Failures::usage);
    cli.setExecutionExceptionHandler((e, line, parsed) -> Failures.execution(e, line));
    return cli;
  }
}
