package dev.pullproof.helper.script;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a script: which calls it takes (a command and a server URL or image pattern) and the
 * steps it answers them with, in order; the last step repeats. {@code key} names the rule in the
 * call counter and the invocation log ({@code rules[3]}).
 *
 * <p>Kubelet calls match {@code image} patterns against the image and {@code server} patterns
 * against the image's registry host; docker-credential calls match {@code server} patterns only.
 */
public record Rule(
    String key,
    String command,
    Optional<Pattern> server,
    Optional<Pattern> image,
    List<Step> steps,
    KubeletOptions kubelet) {
  public Rule {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(kubelet, "kubelet");
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("steps must not be empty");
    }
    if (server.isEmpty() && image.isEmpty()) {
      throw new IllegalArgumentException("a rule needs a server or an image pattern");
    }
  }

  /** The step for the call with this 0-based number among the calls this rule took. */
  public Step stepFor(long call) {
    long seen = 0;
    for (Step step : steps) {
      if (step.times() == 0) {
        return step;
      }
      seen += step.times();
      if (call < seen) {
        return step;
      }
    }
    return steps.get(steps.size() - 1);
  }
}
