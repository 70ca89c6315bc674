package dev.pullproof.helper;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pullproof.helper.json.Json;
import dev.pullproof.helper.script.Answer;
import dev.pullproof.helper.script.Script;
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

  /** What the credential store holds for {@code key} (a server URL or registry host), or empty. */
  public static Optional<Answer> stored(Script script, Json json, String key) {
    JsonNode stored = new LockedJsonFile(script.store(), json).read().get(key);
    if (stored == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Answer.Credentials(
            stored.path("Username").asText(),
            stored.path("Secret").asText(),
            Optional.empty(),
            false));
  }

  /** The outcome for answers that look the same in both protocols, or empty. */
  public static Optional<Outcome> common(Answer answer, String rule) {
    Map<String, Object> log = describe(answer);
    if (answer instanceof Answer.Hang hang) {
      return Optional.of(
          new Outcome("", "", -1, Duration.ZERO, Optional.of(hang), Optional.empty(), rule, log));
    }
    if (answer instanceof Answer.Crash crash) {
      return Optional.of(
          new Outcome("", "", -1, Duration.ZERO, Optional.empty(), Optional.of(crash), rule, log));
    }
    if (answer instanceof Answer.Empty empty) {
      return Optional.of(Outcome.exit("", "", empty.exit(), rule, log));
    }
    if (answer instanceof Answer.Malformed malformed) {
      return Optional.of(Outcome.exit(malformed.text(), "", 0, rule, log));
    }
    return Optional.empty();
  }

  /** The answer as the invocation log shows it: kind and details, secrets left out. */
  public static Map<String, Object> describe(Answer answer) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (answer instanceof Answer.Credentials c) {
      m.put("kind", c.identityToken() ? "identity-token" : "credentials");
      m.put("username", c.username());
      if (c.omitServerUrl()) {
        m.put("serverUrl", "omitted");
      }
    } else if (answer instanceof Answer.NotFound) {
      m.put("kind", "not-found");
    } else if (answer instanceof Answer.Failure f) {
      m.put("kind", "error");
      m.put("message", f.message());
    } else if (answer instanceof Answer.Empty) {
      m.put("kind", "empty");
    } else if (answer instanceof Answer.Malformed malformed) {
      m.put("kind", "malformed");
      m.put("text", malformed.text());
    } else if (answer instanceof Answer.Hang) {
      m.put("kind", "hang");
    } else if (answer instanceof Answer.Crash crash) {
      m.put("kind", "signal");
      m.put("signal", crash.signal());
    } else {
      m.put("kind", "proceed");
    }
    return m;
  }
}
