package dev.pullproof.harness.cli;

import dev.pullproof.harness.scenario.ScenarioException;
import dev.pullproof.harness.toml.Problem;
import dev.pullproof.helper.install.InstallCommand;
import dev.pullproof.registry.cli.RegistryCli;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the command tree reports what went wrong: bad usage as one line and {@link ExitCode#USAGE}; a
 * failure of a started command as its message and that command's exit code. Never a stack trace.
 */
final class Failures {
  private Failures() {}

  /** Unknown command or option, bad value, missing option: one line naming where help is. */
  static int usage(ParameterException e, String[] args) {
    CommandLine line = e.getCommandLine();
    PrintWriter err = line.getErr();
    String name = line.getCommandSpec().qualifiedName();
    boolean group = !line.getSubcommands().isEmpty();
    if (group && !(e instanceof UnmatchedArgumentException) && !hasSubcommand(line)) {
      // A bare group ("pullproof", "pullproof registry") asks what it holds.
      line.usage(err);
      return ExitCode.USAGE;
    }
    err.println(name + ": " + message(e, group) + " (" + name + " --help shows the usage)");
    err.flush();
    return ExitCode.USAGE;
  }

  /** A started command failed: its own report and exit code where it has them, else 3. */
  static int execution(Exception e, CommandLine line) {
    PrintWriter err = line.getErr();
    Object command = line.getCommandSpec().userObject();
    if (e instanceof ScenarioException invalid) {
      for (Problem p : invalid.problems()) {
        err.println(p);
      }
      err.println(invalid.problems().size() + " problem(s) in the scenario files; nothing ran");
      err.flush();
      return ExitCode.USAGE;
    }
    if (command instanceof RegistryServeCommand serve && !serve.servesWorld()) {
      return RegistryCli.failed(e, err);
    }
    if (command instanceof InstallCommand) {
      return InstallCommand.failed(e, err);
    }
    err.println("pullproof: " + Objects.requireNonNullElse(e.getMessage(), e.toString()));
    err.flush();
    return ExitCode.INCOMPLETE;
  }

  private static boolean hasSubcommand(CommandLine line) {
    return line.getParseResult() != null && line.getParseResult().hasSubcommand();
  }

  private static String message(ParameterException e, boolean group) {
    if (!(e instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
      return e.getMessage();
    }
    String first = u.getUnmatched().get(0);
    String what =
        first.startsWith("-")
            ? "unknown option '" + first + "'"
            : group ? "unknown command '" + first + "'" : "unexpected argument '" + first + "'";
    List<String> suggestions = u.getSuggestions();
    return suggestions.isEmpty() ? what : what + "; did you mean '" + suggestions.get(0) + "'?";
  }
}
