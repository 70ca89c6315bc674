package dev.pullproof.registry.cli;

import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.RegistryException;
import java.io.PrintWriter;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pullproof registry}: the fake registry from the command line. Exit codes: 0 success (for
 * {@code serve}: stopped by SIGINT or SIGTERM, journal written), 1 runtime failure (e.g. the
 * address is in use), 2 bad usage (an unknown option, a port outside 0..65535, a malformed image or
 * repository name).
 */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description = "Run the fake OCI registry.",
    subcommands = {ServeCommand.class})
public final class RegistryCli {
  // Undertow and XNIO announce themselves at INFO on every start; the console is for results.
  // Held here because JUL keeps loggers weakly and would forget the level.
  private static final List<Logger> QUIET =
      List.of(Logger.getLogger("io.undertow"), Logger.getLogger("org.xnio"));

  public static void main(String[] args) {
    QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
    System.exit(run(args));
  }

  static int run(String... args) {
    CommandLine cli = new CommandLine(new RegistryCli());
    cli.setExecutionExceptionHandler((e, line, parsed) -> failed(e, line.getErr()));
    return cli.execute(args);
  }

  /**
   * Reports a failure of a started command on one line and returns its exit code: 2 for input the
   * command could not take, 1 for a runtime failure.
   */
  public static int failed(Exception e, PrintWriter err) {
    String detail = e instanceof RegistryException r && r.detail() != null ? ": " + r.detail() : "";
    err.println("pullproof registry: " + e.getMessage() + detail);
    err.flush();
    return badUsage(e) ? 2 : 1;
  }

  /**
   * Input the user typed that the command could not take: a picocli usage error raised while
   * running, or a name the protocol rejects (e.g. {@code --image Bad:1}). Anything else is a
   * runtime failure.
   */
  private static boolean badUsage(Exception e) {
    return e instanceof picocli.CommandLine.ParameterException
        || (e instanceof RegistryException r
            && (r.code() == ErrorCode.NAME_INVALID || r.code() == ErrorCode.TAG_INVALID));
  }
}
