package dev.pullproof.harness.cli;

import dev.pullproof.harness.scenario.ReplaySpec;
import dev.pullproof.harness.scenario.ScenarioParser;
import dev.pullproof.registry.cli.ByteSize;
import dev.pullproof.registry.record.Recorder;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pullproof record}: a recording proxy on loopback in front of a real registry, until
 * Ctrl-C. The directory it writes is a world: its {@value ScenarioParser#WORLD_FILE} names one
 * registry that replays the recording, for {@code registry serve DIR} and a scenario's {@code world
 * = "DIR"}.
 */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = {
      "Record a real registry: pull through the printed address (as the registry, or as a mirror"
          + " in hosts.toml), then Ctrl-C.",
      "DIR becomes a world replaying what was recorded: pullproof registry serve DIR, or"
          + " world = \"DIR\" in a scenario. Passwords and tokens are replaced by placeholders."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped normally (the recording is complete)",
      "2:bad usage (URL, credentials, port, size)",
      "3:could not start (address in use, DIR not writable)"
    })
final class RecordCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--upstream",
      required = true,
      paramLabel = "URL",
      description = "The registry to record, e.g. https://registry.example.com")
  String upstream;

  @Option(
      names = "--user",
      paramLabel = "NAME:PASSWORD",
      description = "Credentials the proxy sends on requests that carry none (Basic auth)")
  String user;

  @Option(
      names = "--credential-helper",
      paramLabel = "NAME",
      description =
          "Like --user, with the credentials docker-credential-NAME get answers for the"
              + " upstream (the docker CLI's helper protocol; an identity token is refused)")
  String credentialHelper;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write")
  Path out;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port on the loopback address (default: a free one)")
  int port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "Loopback address to listen on (default: ${DEFAULT-VALUE})",
      defaultValue = "127.0.0.1")
  String host;

  @Option(
      names = "--max-body",
      paramLabel = "SIZE",
      converter = ByteSize.class,
      description =
          "Keep only the size and digest of larger bodies (replayed as a 'body not recorded'"
              + " error); default 1GiB")
  Long maxBody;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      defaultValue = "recorded",
      description = "The registry's name in the world file (default: ${DEFAULT-VALUE})")
  String name;

  private final Consumer<Runnable> serve;
  private final List<Path> helperDirs;

  /**
   * @param serve blocks until recording should stop, then runs the stop action
   */
  RecordCommand(Consumer<Runnable> serve) {
    this(
        serve,
        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter(d -> !d.isEmpty())
            .map(Path::of)
            .toList());
  }

  /**
   * @param helperDirs where {@code docker-credential-NAME} is looked for, in order
   */
  RecordCommand(Consumer<Runnable> serve, List<Path> helperDirs) {
    this.serve = serve;
    this.helperDirs = List.copyOf(helperDirs);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Recorder.Builder builder = Recorder.builder().out(this.out).host(host);
    try {
      builder.upstream(upstream).port(port);
      if (maxBody != null) {
        builder.maxBody(maxBody);
      }
      if (user != null && credentialHelper != null) {
        throw new IllegalArgumentException("give --user or --credential-helper, not both");
      }
      if (credentialHelper != null) {
        user = HelperCredentials.get(credentialHelper, helperDirs, URI.create(upstream));
      }
      if (user != null) {
        int colon = user.indexOf(':');
        if (colon < 1) {
          throw new IllegalArgumentException("--user must be NAME:PASSWORD");
        }
        builder.credentials(user.substring(0, colon), user.substring(colon + 1));
      }
      if (!name.matches("[a-z][a-z0-9_-]*")) {
        throw new IllegalArgumentException(
            "--name must be lower-case letters, digits, '-' or '_', got " + name);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    builder.warnings(w -> System.err.println("pullproof record: " + w));
    writeWorld();
    Recorder recorder = builder.start();
    out.println("recording " + upstream + " into " + this.out + " (Ctrl-C stops it)");
    out.println("  pull through " + recorder.url() + " (plain HTTP: the client must allow it)");
    out.flush();
    serve.accept(
        () -> {
          recorder.close();
          out.println(
              "recorded "
                  + recorder.exchanges().size()
                  + " exchange(s); replay: pullproof registry serve "
                  + this.out);
          out.flush();
        });
    return ExitCode.OK;
  }

  /** The world file naming the recording, unless the user already has one there. */
  private void writeWorld() {
    Path world = out.resolve(ScenarioParser.WORLD_FILE);
    try {
      Files.createDirectories(out);
      if (Files.exists(world)) {
        return;
      }
      Files.writeString(
          world,
          "# A recording of "
              + upstream
              + " by pullproof record. Serve it: pullproof registry serve DIR;\n"
              + "# use it in a scenario: world = \"DIR\". Faults, tls, host and port may be added.\n"
              + "[registries."
              + name
              + "]\n"
              + "replay = \".\"          # "
              + ReplaySpec.FILE
              + " and bodies/ in this directory\n"
              + "unrecorded = \"not-found\"  # or \"fail\": a request not recorded is a 500\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + world, e);
    }
  }
}
