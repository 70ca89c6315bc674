package dev.pullproof.harness.cli;

import dev.pullproof.harness.scenario.ImageEntry;
import dev.pullproof.harness.scenario.RegistrySpec;
import dev.pullproof.harness.scenario.ScenarioParser;
import dev.pullproof.harness.world.HostAddress;
import dev.pullproof.harness.world.LoopbackPool;
import dev.pullproof.harness.world.World;
import dev.pullproof.harness.world.WorldInstaller;
import dev.pullproof.registry.journal.JournalJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Serves the registries of a world (or scenario) file until stopped, for users outside Java: prints
 * each registry's address, and writes each journal as JSON when it stops.
 */
@Command(
    name = "world",
    mixinStandardHelpOptions = true,
    description = "Serve the registries of a world or scenario file until Ctrl-C.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped normally", "2:bad usage or an invalid file", "3:could not start"})
final class WorldCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "WORLD.toml",
      description =
          "A scenario file (its [[pull]] tables are optional here), or a recording's directory")
  Path file;

  @Option(
      names = "--journal",
      paramLabel = "DIR",
      description = "On exit, write each registry's journal to DIR/NAME.json")
  Path journal;

  private final Clock clock;
  private final Consumer<Runnable> serve;

  /**
   * @param serve blocks until the world should stop, then runs the given stop action (the CLI runs
   *     it from a shutdown hook on Ctrl-C)
   */
  WorldCommand(Clock clock, Consumer<Runnable> serve) {
    this.clock = clock;
    this.serve = serve;
  }

  /** Serves until the JVM is asked to stop; the stop action runs in the shutdown hook. */
  static void untilShutdown(Runnable stop) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.run();
                  stopped.countDown();
                }));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public Integer call() {
    return serve(file, journal, spec.commandLine().getOut());
  }

  /**
   * Serves {@code worldFile}'s registries until stopped; {@code registry serve WORLD.toml} comes
   * here.
   */
  int serve(Path worldFile, Path journalDir, PrintWriter out) {
    Map<String, RegistrySpec> registries = new ScenarioParser().parseWorld(worldFile);
    World world = new WorldInstaller(LoopbackPool.standard(), clock).start(registries.values());
    out.println("fake world from " + worldFile + " (Ctrl-C stops it)");
    for (RegistrySpec r : registries.values()) {
      HostAddress values = world.host(r.name());
      String scheme = r.tls().isPresent() ? "https://" : "http://";
      out.printf("  %-12s %s%n", r.name(), scheme + values.ip() + ":" + values.port());
      r.host()
          .ifPresent(
              h ->
                  out.printf(
                      "  %-12s impersonates %s: map it to %s (hosts file, --add-host)%n",
                      "", values.address(), values.ip()));
      if (r.down().isPresent()) {
        out.printf(
            "  %-12s down: %s%n", "", r.down().get().name().toLowerCase(java.util.Locale.ROOT));
        continue;
      }
      if (r.replay().isPresent()) {
        out.printf(
            "  %-12s replays %s (unrecorded requests: %s)%n",
            "", r.replay().get().directory(), r.replay().get().unrecorded().label());
        continue;
      }
      out.printf(
          "  %-12s auth %s; images %s%n",
          "",
          r.auth().type().name().toLowerCase(java.util.Locale.ROOT),
          r.images().stream().map(ImageEntry::reference).toList());
    }
    world
        .certificates()
        .ifPresent(d -> out.println("TLS: the world's CA and a client certificate are in " + d));
    if (journalDir != null) {
      out.println("journals will be written to " + journalDir + "/NAME.json on exit");
    }
    out.flush();
    serve.accept(() -> stop(world, journalDir, out));
    return ExitCode.OK;
  }

  private static void stop(World world, Path journalDir, PrintWriter out) {
    try {
      if (journalDir != null) {
        Files.createDirectories(journalDir);
        // journals() waits for requests still completing; the export is the registry's own
        // journal, every field it recorded, in the registry's JSON format.
        for (String name : world.journals().keySet()) {
          JournalJson.write(
              world.registry(name).journal().all(), journalDir.resolve(name + ".json"));
        }
      }
      // A journal keeps its latest entries only: say when the export is short of some.
      for (String name : world.journals().keySet()) {
        if (world.registry(name).journal().notKept() > 0) {
          out.println(name + ": " + world.registry(name).journal().summary());
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write journals to " + journalDir, e);
    } finally {
      world.close();
    }
  }
}
