package dev.pullproof.helper.clients;

import dev.pullproof.helper.install.Installer;
import dev.pullproof.helper.log.Invocation;
import dev.pullproof.helper.log.Invocations;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  static InstalledHelper install(Path dir) throws IOException, InterruptedException {
    InstalledHelper helper = new InstalledHelper(dir);
    Files.writeString(helper.script, "{\"rules\": []}");
    Installer.forThisJvm()
        .install(
            helper.bin,
            NAME,
            helper.script,
            Optional.of("pp-provider"),
            Optional.of(helper.log),
            true);
    return helper;
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
