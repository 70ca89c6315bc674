package dev.pullproof.helper.install;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.helper.HelperMain;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fake-helper install}: writes the launchers into a directory. Exit codes: 0 installed, 1
 * failed (e.g. the directory is not writable), 2 bad usage.
 */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    version = "fake-helper install 0.1.0",
    description =
        "Write docker-credential-NAME (and optionally a kubelet credential-provider executable)"
            + " into DIR, each running the fake helper with SCRIPT. Put DIR on the client's PATH.")
public final class InstallCommand implements Callable<Integer> {
  @Option(names = "--dir", required = true, description = "Directory for the launchers.")
  Path dir;

  @Option(names = "--name", required = true, description = "Helper name: docker-credential-NAME.")
  String name;

  @Option(names = "--script", required = true, description = "The script file the launchers use.")
  Path script;

  @Option(
      names = "--provider",
      description = "Also write a kubelet credential provider by this name.")
  String provider;

  @Option(names = "--log", description = "Invocation log (JSON lines) the launchers append to.")
  Path log;

  @Option(names = "--no-cds", description = "Skip the class-data sharing archive (slower calls).")
  boolean noCds;

  public static int run(List<String> args) {
    CommandLine cli = new CommandLine(new InstallCommand());
    cli.setExecutionExceptionHandler((e, line, parsed) -> failed(e, line.getErr()));
    return cli.execute(args.toArray(String[]::new));
  }

  /** Reports a failed install on one line and returns its exit code, 1. */
  public static int failed(Exception e, PrintWriter err) {
    err.println("fake-helper install: " + e.getMessage());
    err.flush();
    return 1;
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(dir);
    Installer.Installed done =
        Installer.forThisJvm()
            .install(
                dir, name, script, Optional.ofNullable(provider), Optional.ofNullable(log), !noCds);
    System.out.println("wrote " + done.dockerLauncher());
    done.providerLauncher().ifPresent(p -> System.out.println("wrote " + p));
    System.out.println(
        done.archive()
            .map(a -> "class-data sharing archive " + a)
            .orElse("no class-data sharing archive"));
    return 0;
  }

  /** Where the helper's classes and the JSON library come from in this JVM. */
  static List<Path> helperClasspath() {
    List<Path> entries = new ArrayList<>();
    for (Class<?> c :
        List.of(HelperMain.class, ObjectMapper.class, JsonFactory.class, JsonAutoDetect.class)) {
      Path p;
      try {
        p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
      } catch (URISyntaxException e) {
        throw new IllegalStateException("cannot locate the classes of " + c.getName(), e);
      }
      if (!entries.contains(p)) {
        entries.add(p);
      }
    }
    return entries;
  }
}
