package dev.pullproof.helper.script;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the helper does for one call. Each variant is one behaviour a real helper has been seen to
 * show; the protocols ({@code docker}, {@code kubelet}) decide how a variant is written out.
 */
public sealed interface Answer {

  /**
   * Credentials. {@code serverUrl} empty means "echo the requested URL"; {@code omitServerUrl}
   * leaves the field out, as some helpers do. A username of {@code <token>} marks an identity
   * token.
   */
  record Credentials(
      String username, String secret, Optional<String> serverUrl, boolean omitServerUrl)
      implements Answer {
    /** The docker-credential convention for an identity token. */
    public static final String TOKEN_USER = "<token>";

    public Credentials {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(serverUrl, "serverUrl");
    }

    public boolean identityToken() {
      return TOKEN_USER.equals(username);
    }
  }

  /** The exact not-found convention: clients treat it as "no credentials", not as a failure. */
  record NotFound() implements Answer {}

  /** Any message with any exit code (docker: the message on stdout). */
  record Failure(String message, int exit) implements Answer {
    public Failure {
      Objects.requireNonNull(message, "message");
      if (exit < 0 || exit > 255) {
        throw new IllegalArgumentException("exit must be 0..255, got " + exit);
      }
    }
  }

  /** Nothing on stdout, the given exit code. */
  record Empty(int exit) implements Answer {}

  /** This text on stdout verbatim, exit 0: JSON a client cannot parse. */
  record Malformed(String text) implements Answer {
    /** A plausible, truncated answer. */
    public static final String DEFAULT = "{\"ServerURL\":\"";

    public Malformed {
      Objects.requireNonNull(text, "text");
    }
  }

  /** Never answers: sleeps until killed, bounded by {@code limit} so a stray helper ends. */
  record Hang(Duration limit) implements Answer {
    public static final Duration DEFAULT_LIMIT = Duration.ofMinutes(10);

    public Hang {
      Objects.requireNonNull(limit, "limit");
    }
  }

  /** Dies by a signal sent to itself. */
  record Crash(String signal) implements Answer {
    /** Signals the JVM does not use itself when started with {@code -Xrs}, as the launchers are. */
    public static final Set<String> SIGNALS = Set.of("KILL", "TERM", "INT", "HUP", "QUIT", "ABRT");

    public Crash {
      if (!SIGNALS.contains(signal)) {
        throw new IllegalArgumentException(
            "signal must be one of " + SIGNALS.stream().sorted().toList() + ", got " + signal);
      }
    }
  }

  /**
   * The ordinary behaviour of the command: {@code store}/{@code erase}/{@code list} use the store.
   */
  record Proceed() implements Answer {}
}
