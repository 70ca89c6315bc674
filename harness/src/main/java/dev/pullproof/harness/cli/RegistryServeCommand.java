package dev.pullproof.harness.cli;

import dev.pullproof.registry.cli.ServeCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pullproof registry serve}: the fake registry's own {@code serve} (its options, output and
 * exit codes), or, given a scenario file, that file's registries as {@code world} serves them.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a fake registry until Ctrl-C.",
      "With WORLD.toml: serve that scenario file's registries instead (as 'pullproof world'"
          + " does); then only --journal DIR applies, and each journal is written as"
          + " DIR/NAME.json on exit."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped normally",
      "1:the registry failed (address in use, bad layout...)",
      "2:bad usage or an invalid WORLD.toml",
      "3:WORLD.toml's registries could not start"
    })
final class RegistryServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ServeCommand registry;

  @Parameters(
      arity = "0..1",
      paramLabel = "WORLD.toml",
      description = "A scenario file whose registries to serve, or a recording's directory")
  Path world;

  private final WorldCommand worlds;

  RegistryServeCommand(WorldCommand worlds) {
    this.worlds = worlds;
  }

  /** Whether this run serves a scenario file; failures then carry the harness's exit codes. */
  boolean servesWorld() {
    return world != null;
  }

  @Override
  public Integer call() throws Exception {
    if (!servesWorld()) {
      return registry.call();
    }
    List<String> others =
        spec.commandLine().getParseResult().matchedOptions().stream()
            .map(OptionSpec::longestName)
            .filter(name -> !name.equals("--journal"))
            .toList();
    if (!others.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "with " + world + " only --journal DIR applies, not " + others);
    }
    Path journal = spec.commandLine().getParseResult().matchedOptionValue("--journal", null);
    return worlds.serve(world, journal, spec.commandLine().getOut());
  }
}
