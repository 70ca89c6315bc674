package dev.pullproof.harness.kubelet;

import dev.pullproof.registry.temp.OwnedTemp;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the plugin as a real child process; stdout and stderr go through files, never blocking. */
public final class ProcessPluginLauncher implements PluginLauncher {
  @Override
  public Exit run(
      Path executable, List<String> args, Map<String, String> env, String stdin, Duration timeout)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(args);
    Path out = OwnedTemp.file("pullproof-provider", ".out");
    Path err = OwnedTemp.file("pullproof-provider", ".err");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor();
        throw new IOException(
            "credential provider " + executable + " did not answer within " + timeout);
      }
      return new Exit(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
