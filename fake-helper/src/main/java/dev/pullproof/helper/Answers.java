package dev.pullproof.helper;

import dev.pullproof.helper.script.Answer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an outcome both protocols share: hanging, crashing, empty and malformed output, and
 * how each answer is described in the invocation log (never with its secret).
 */
public final class Answers {
  private Answers() {}

  /** The outcome for answers that look the same in both protocols, or empty. */
  public static Optional<Outcome> common(Answer answer, String rule) {
    Map<String, Object> log = describe(answer);
    if (answer instanceof Answer.Hang) {
      return Optional.of(
          new Outcome(
              "",
              "",
              -1,
              Duration.ZERO,
              Optional.of((Answer.Hang) answer),
              Optional.empty(),
              rule,
              log));
    }
    if (answer instanceof Answer.Crash) {
      return Optional.of(
          new Outcome(
              "",
              "",
              -1,
              Duration.ZERO,
              Optional.empty(),
              Optional.of((Answer.Crash) answer),
              rule,
              log));
    }
    if (answer instanceof Answer.Empty) {
      return Optional.of(Outcome.exit("", "", ((Answer.Empty) answer).exit(), rule, log));
    }
    if (answer instanceof Answer.Malformed) {
      return Optional.of(Outcome.exit(((Answer.Malformed) answer).text(), "", 0, rule, log));
    }
    return Optional.empty();
  }

  /** The answer as the invocation log shows it: kind and details, secrets left out. */
  public static Map<String, Object> describe(Answer answer) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (answer instanceof Answer.Credentials) {
      Answer.Credentials c = (Answer.Credentials) answer;
      m.put("kind", c.identityToken() ? "identity-token" : "credentials");
      m.put("username", c.username());
      if (c.omitServerUrl()) {
        m.put("serverUrl", "omitted");
      }
    } else if (answer instanceof Answer.NotFound) {
      m.put("kind", "not-found");
    } else if (answer instanceof Answer.Failure) {
      m.put("kind", "error");
      m.put("message", ((Answer.Failure) answer).message());
    } else if (answer instanceof Answer.Empty) {
      m.put("kind", "empty");
    } else if (answer instanceof Answer.Malformed) {
      m.put("kind", "malformed");
      m.put("text", ((Answer.Malformed) answer).text());
    } else if (answer instanceof Answer.Hang) {
      m.put("kind", "hang");
    } else if (answer instanceof Answer.Crash) {
      m.put("kind", "signal");
      m.put("signal", ((Answer.Crash) answer).signal());
    } else {
      m.put("kind", "proceed");
    }
    return m;
  }
}
