package dev.pullproof.registry.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opaque refresh tokens, each bound to one subject, remembered for the life of the token service.
 * They never expire (as the token spec says) and are not JWTs, so one can never pass as an access
 * token.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/oauth/">distribution: OAuth2
 *     refresh tokens</a>
 */
final class RefreshTokens {
  private final SecureRandom random = new SecureRandom();
  private final Map<String, String> subjects = new ConcurrentHashMap<>();

  /** A new refresh token for the subject. */
  String issue(String subject) {
    if (subject == null || subject.isEmpty()) {
      throw new IllegalArgumentException("a refresh token needs a subject");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    subjects.put(token, subject);
    return token;
  }

  /** Accepts a refresh token issued elsewhere (a {@code docker login}'s identity token). */
  void register(String token, String subject) {
    if (token == null || token.isEmpty() || subject == null || subject.isEmpty()) {
      throw new IllegalArgumentException("a known refresh token needs a token and a subject");
    }
    subjects.put(token, subject);
  }

  /** The subject the refresh token was issued to, if it was issued here. */
  Optional<String> subject(String token) {
    return token == null ? Optional.empty() : Optional.ofNullable(subjects.get(token));
  }
}
