package dev.pullproof.harness.cli;

import dev.pullproof.harness.scenario.Problem;
import dev.pullproof.harness.scenario.ScenarioException;
import java.io.PrintStream;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pullproof run|list}: a thin shell over the scenario catalogue, runner and reports. Exit
 * codes are documented on {@link ExitCode}.
 */
@Command(
    name = "pullproof",
    mixinStandardHelpOptions = true,
    description = "Reproduce image-pull failures on real containerd and prove the fixes.",
    subcommands = {RunCommand.class, ListCommand.class})
public final class PullproofCli {
  private PullproofCli() {}

  public static void main(String[] args) {
    System.exit(execute(Harness.discover(), Clock.systemUTC(), System.out, args));
  }

  /** Builds the command line with its collaborators, runs it and returns the exit code. */
  static int execute(Harness harness, Clock clock, PrintStream progress, String... args) {
    return commandLine(harness, clock, progress).execute(args);
  }

  static CommandLine commandLine(Harness harness, Clock clock, PrintStream progress) {
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
