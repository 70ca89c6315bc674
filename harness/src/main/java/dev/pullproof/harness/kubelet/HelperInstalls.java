package dev.pullproof.harness.kubelet;

import dev.pullproof.helper.install.Installer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fake helper's kubelet provider launchers of one run, in a directory of their own: one per
 * distinct script, all writing one invocation log. Closing removes the directory.
 */
final class HelperInstalls implements AutoCloseable {
  /** An installed provider: its {@code providers[].name}, executable and invocation log. */
  record Provider(String name, Path launcher, Path log) {}

  private final Installer installer;
  private final Path dir;
  private final Map<String, Provider> byScript = new LinkedHashMap<>();

  HelperInstalls(Installer installer, Path dir) {
    this.installer = installer;
    this.dir = dir;
  }

  synchronized Provider forScript(String script) throws IOException, InterruptedException {
    Provider known = byScript.get(script);
    if (known != null) {
      return known;
    }
    int n = byScript.size() + 1;
    Path file = Files.writeString(dir.resolve("script-" + n + ".json"), script);
    Path log = dir.resolve("helper-log.jsonl");
    String name = "pullproof-provider-" + n;
    Installer.Installed installed =
        installer.install(dir, "pullproof-" + n, file, Optional.of(name), Optional.of(log), false);
    Provider p =
        new Provider(
            name,
            installed
                .providerLauncher()
                .orElseThrow(() -> new IOException("the helper installed no provider in " + dir)),
            log);
    byScript.put(script, p);
    return p;
  }

  @Override
  public void close() throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
