package dev.pullproof.helper;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The helper's command line, parsed by hand to keep picocli off the hot path: {@code [--script
 * FILE] [--log FILE] [--name NAME] COMMAND}, where COMMAND is a docker-credential command ({@code
 * get}, {@code store}, {@code erase}, {@code list}, {@code version}) or {@code kubelet} (anything
 * after it is ignored, as the kubelet passes a provider's configured {@code args}). The script and
 * log fall back to {@value #SCRIPT_ENV} and {@value #LOG_ENV}.
 */
public record HelperArgs(Optional<Path> script, Optional<Path> log, String name, String command) {
  public static final String SCRIPT_ENV = "PULLPROOF_HELPER_SCRIPT";
  public static final String LOG_ENV = "PULLPROOF_HELPER_LOG";
  public static final Set<String> DOCKER_COMMANDS =
      Set.of("get", "store", "erase", "list", "version");
  public static final String KUBELET = "kubelet";

  public HelperArgs {
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(command, "command");
  }

  public boolean kubelet() {
    return KUBELET.equals(command);
  }

  /** Parses the arguments; an {@link IllegalArgumentException} says what is wrong. */
  public static HelperArgs parse(List<String> args, Map<String, String> env) {
    Optional<Path> script = fromEnv(env, SCRIPT_ENV);
    Optional<Path> log = fromEnv(env, LOG_ENV);
    String name = "pullproof";
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("--")) {
      String option = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args.get(i + 1);
      switch (option) {
        case "--script":
          script = Optional.of(Path.of(value));
          break;
        case "--log":
          log = Optional.of(Path.of(value));
          break;
        case "--name":
          name = value;
          break;
        default:
          throw new IllegalArgumentException("unknown option " + option);
      }
      i += 2;
    }
    if (i >= args.size()) {
      throw new IllegalArgumentException("missing command");
    }
    String command = args.get(i);
    if (!DOCKER_COMMANDS.contains(command) && !KUBELET.equals(command)) {
      throw new IllegalArgumentException("unknown command '" + command + "'");
    }
    if (DOCKER_COMMANDS.contains(command) && i + 1 < args.size()) {
      throw new IllegalArgumentException(
          command + " takes no arguments; the request comes on stdin");
    }
    return new HelperArgs(script, log, name, command);
  }

  // Plain code, no lambdas: linking each lambda costs the interpreter time on every call.
  private static Optional<Path> fromEnv(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
  }

  public static String usage() {
    return "usage: fake-helper [--script FILE] [--log FILE] [--name NAME] get|store|erase|list|version\n"
        + "       fake-helper [--script FILE] [--log FILE] kubelet [ARG...]\n"
        + "       fake-helper install --dir DIR --name NAME --script FILE [--provider NAME] [--log FILE]\n"
        + "The script may also come from "
        + SCRIPT_ENV
        + ", the log from "
        + LOG_ENV
        + ".\n";
  }
}
