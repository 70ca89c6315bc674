package dev.pullproof.helper.script;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed helper script: the rules in order (the first that takes a call answers it), the answer
 * when none does and the store has nothing ({@code fallback}), where {@code store}/{@code erase}
 * keep credentials, where call counts for sequences live, and an optional invocation log.
 */
public record Script(
    Path file, List<Rule> rules, Answer fallback, Path store, Path counters, Optional<Path> log) {
  public Script {
    Objects.requireNonNull(file, "file");
    rules = List.copyOf(rules);
    Objects.requireNonNull(fallback, "fallback");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(counters, "counters");
    Objects.requireNonNull(log, "log");
  }

  // Loops rather than streams: every call is a fresh JVM, where linking lambdas costs time.

  /** The first rule taking a docker-credential call, if any. */
  public Optional<Rule> forServer(String command, String serverUrl) {
    for (Rule r : rules) {
      if (r.command().equals(command)
          && r.server().isPresent()
          && r.server().get().matchesServer(serverUrl)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The first rule taking a list call, if any. */
  public Optional<Rule> forList() {
    for (Rule r : rules) {
      if (r.command().equals("list")) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The first rule taking a kubelet call for this image, if any. */
  public Optional<Rule> forImage(String image, String registryHost) {
    for (Rule r : rules) {
      boolean byImage = r.image().isPresent() && r.image().get().matches(image);
      boolean byHost = r.server().isPresent() && r.server().get().matchesServer(registryHost);
      if (r.command().equals("get") && (byImage || byHost)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
