package dev.pullproof.registry.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.auth.TokenService;
import io.undertow.server.HandlerWrapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recording served by a fake registry: each request answered as the recording answered the same
 * request (method, path, query, a token POST's form, the kind of credentials and the basic user), a
 * repeated request by the recorded answers in their order, the last one again once they run out.
 * Tokens are re-issued by a {@link TokenService} for the recorded service and lifetime, and a
 * bearer token it did not issue, or that has expired, gets the recorded challenge with {@code
 * error="invalid_token"}. A request the recording lacks is answered by the {@link Unrecorded}
 * policy; the journal says which ({@code replay} field).
 */
public final class Replay {
  private static final Pattern SERVICE = Pattern.compile("service=\"([^\"]*)\"");

  /** What a request the recording lacks gets. */
  public enum Unrecorded {
    /** What a registry answers for an unknown name: the spec's 404 (a token for /token). */
    NOT_FOUND,
    /** A loud 500 naming the request, so a test cannot pass on guesses. */
    FAIL
  }

  private final Recording recording;
  private final Path directory;
  private final Unrecorded policy;

  private Replay(Recording recording, Path directory, Unrecorded policy) {
    this.recording = recording;
    this.directory = directory;
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** The recording in {@code directory}; an unreadable one is an IllegalArgumentException. */
  public static Replay of(Path directory, Unrecorded policy) {
    return new Replay(Recording.read(directory), directory, policy);
  }

  public Recording recording() {
    return recording;
  }

  public Unrecorded policy() {
    return policy;
  }

  /** The chain step that answers from the recording (behind faults, in place of auth). */
  public HandlerWrapper handler(Clock clock) {
    TokenService tokens =
        TokenService.builder().service(service()).expiresIn(expiresIn()).clock(clock).build();
    return next -> new ReplayHandler(recording, directory, policy, tokens, next);
  }

  /** The service the recorded challenges named, so re-issued tokens name it too. */
  private String service() {
    for (RecordedExchange e : recording.exchanges()) {
      Matcher m = SERVICE.matcher(e.header("www-authenticate"));
      if (m.find()) {
        return m.group(1);
      }
    }
    return "replay";
  }

  /** The lifetime the first recorded token answer gave ({@code expires_in}; 60 s without one). */
  private Duration expiresIn() {
    ObjectMapper json = new ObjectMapper();
    for (RecordedExchange e : recording.exchanges()) {
      if (e.path().equals(RecordingProxy.TOKEN_PATH) && e.status() == 200 && !e.body().isEmpty()) {
        try {
          JsonNode node = json.readTree(Recording.body(directory, e).toFile());
          if (node.path("expires_in").canConvertToLong() && node.path("expires_in").asLong() > 0) {
            return Duration.ofSeconds(node.path("expires_in").asLong());
          }
        } catch (java.io.IOException unreadable) {
          // The answer is replayed as recorded; the default lifetime applies.
        }
        break;
      }
    }
    return TokenService.DEFAULT_EXPIRES_IN;
  }
}
