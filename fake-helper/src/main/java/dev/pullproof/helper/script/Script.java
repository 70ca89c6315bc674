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

  /** The first rule taking a docker-credential call, if any. */
  public Optional<Rule> forServer(String command, String serverUrl) {
    return rules.stream()
        .filter(r -> r.command().equals(command))
        .filter(r -> r.server().isPresent() && r.server().get().matchesServer(serverUrl))
        .findFirst();
  }

  /** The first rule taking a kubelet call for this image, if any. */
  public Optional<Rule> forImage(String image, String registryHost) {
    return rules.stream()
        .filter(r -> r.command().equals("get"))
        .filter(
            r ->
                r.image().map(p -> p.matches(image)).orElse(false)
                    || r.server().map(p -> p.matchesServer(registryHost)).orElse(false))
        .findFirst();
  }
}
