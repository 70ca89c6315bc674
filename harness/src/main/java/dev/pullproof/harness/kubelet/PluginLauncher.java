package dev.pullproof.harness.kubelet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs a credential-provider plugin the way the kubelet execs it: args, extra env, stdin. */
public interface PluginLauncher {
  /** What the plugin did. */
  record Exit(int code, String stdout, String stderr) {}

  /**
   * Runs {@code executable} with {@code args}, this process's environment plus {@code env}, and
   * {@code stdin}; kills it after {@code timeout}.
   */
  Exit run(
      Path executable, List<String> args, Map<String, String> env, String stdin, Duration timeout)
      throws Exception;
}
