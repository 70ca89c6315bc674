package dev.pullproof.helper.clients;

import dev.pullproof.helper.install.Installer;
import dev.pullproof.helper.log.Invocation;
import dev.pullproof.helper.log.Invocations;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fake helper installed the way users install it ({@link Installer}: launchers plus a
 * class-data sharing archive) into a directory, as {@code docker-credential-pp}, with a script and
 * an invocation log. {@link #answer} rewrites the script between calls; {@link #reset} forgets
 * calls, counters and stored credentials.
 */
final class InstalledHelper {
  static final String NAME = "pp";
  final Path dir;
  final Path bin;
  final Path script;
  final Path log;

  private InstalledHelper(Path dir) {
    this.dir = dir;
    this.bin = dir.resolve("bin");
    this.script = dir.resolve("script.json");
    this.log = dir.resolve("calls.jsonl");
  }

  static InstalledHelper install(Path dir)
      throws IOException, InterruptedException, URISyntaxException {
    InstalledHelper helper = new InstalledHelper(dir);
    Files.writeString(helper.script, "{\"rules\": []}");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    new Installer(java, helperClasspath())
        .install(
            helper.bin,
            NAME,
            helper.script,
            Optional.of("pp-provider"),
            Optional.of(helper.log),
            true);
    return helper;
  }

  /** target/classes and the runtime jars Maven listed in target/classpath.txt. */
  static List<Path> helperClasspath() throws IOException, URISyntaxException {
    Path classes =
        Path.of(
            dev.pullproof.helper.HelperMain.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    List<Path> entries = new ArrayList<>(List.of(classes));
    Path listed = classes.getParent().resolve("classpath.txt");
    for (String e : Files.readString(listed).trim().split(File.pathSeparator)) {
      if (!e.isBlank() && !e.contains("picocli")) {
        entries.add(Path.of(e));
      }
    }
    return entries;
  }

  /** Writes a script with one rule for {@code server} answering {@code answerJson}. */
  void answer(String server, String answerJson) throws IOException {
    script("{\"rules\": [{\"server\": \"" + server + "\", \"answer\": " + answerJson + "}]}");
  }

  void script(String json) throws IOException {
    Files.writeString(script, json);
  }

  void reset() throws IOException {
    Files.deleteIfExists(log);
    Files.deleteIfExists(dir.resolve("script.json.counters.json"));
    Files.deleteIfExists(dir.resolve("script.json.store.json"));
  }

  Path store() {
    return dir.resolve("script.json.store.json");
  }

  List<Invocation> invocations() {
    return Invocations.read(log);
  }

  /** PATH with the launchers first, as a user's shell would have it after installing. */
  Map<String, String> path() {
    return Map.of(
        "PATH", bin + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
  }
}
