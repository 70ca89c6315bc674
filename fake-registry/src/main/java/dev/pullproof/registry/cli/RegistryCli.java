package dev.pullproof.registry.cli;

import dev.pullproof.registry.protocol.RegistryException;
import java.io.PrintWriter;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pullproof registry}: the fake registry from the command line. Exit codes: 0 success, 1
 * runtime failure (e.g. the address is in use), 2 bad usage.
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

  /** Reports a failure of a started command on one line and returns its exit code, 1. */
  public static int failed(Exception e, PrintWriter err) {
    String detail = e instanceof RegistryException r && r.detail() != null ? ": " + r.detail() : "";
    err.println("pullproof registry: " + e.getMessage() + detail);
    err.flush();
    return 1;
  }
}
