package dev.pullproof.registry.cli;

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
  public static void main(String[] args) {
    // Undertow and XNIO announce themselves at INFO on every start; keep the console for results.
    java.util.logging.Logger.getLogger("io.undertow").setLevel(java.util.logging.Level.WARNING);
    java.util.logging.Logger.getLogger("org.xnio").setLevel(java.util.logging.Level.WARNING);
    System.exit(run(args));
  }

  static int run(String... args) {
    CommandLine cli = new CommandLine(new RegistryCli());
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          line.getErr().println("pullproof registry: " + e.getMessage());
          return 1;
        });
    return cli.execute(args);
  }
}
