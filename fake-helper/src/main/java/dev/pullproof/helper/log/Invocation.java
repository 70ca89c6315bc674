package dev.pullproof.helper.log;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One helper call as the invocation log recorded it: when, which protocol ({@code
 * docker-credential} or {@code kubelet}) and command, the request (secrets redacted), which rule
 * answered ({@code rules[N]}, {@code store}, {@code default} or {@code builtin}), the answer's kind
 * and details, how it ended (an exit code, or a signal, or a hang) and the environment entries that
 * decide where clients look (PATH, HOME, DOCKER_CONFIG).
 */
public record Invocation(
    Instant time,
    String protocol,
    String name,
    String command,
    String request,
    String rule,
    Map<String, String> answer,
    OptionalInt exit,
    Optional<String> signal,
    Duration duration,
    long pid,
    Map<String, String> env) {
  public Invocation {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(rule, "rule");
    answer = Map.copyOf(answer);
    Objects.requireNonNull(exit, "exit");
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(duration, "duration");
    env = Map.copyOf(env);
  }

  /** The answer's kind: credentials, identity-token, not-found, error, empty, malformed, hang... */
  public String answerKind() {
    return answer.getOrDefault("kind", "");
  }
}
