package dev.pullproof.harness.explain;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials a pasted log or config may carry, collected so that {@link
 * dev.pullproof.harness.text.SecretMask} masks them literally in every output: the password in a
 * URL's user info, {@code password}, {@code auth}, {@code identitytoken} and {@code token} values
 * (TOML, JSON, logfmt), and the value of an {@code Authorization} header. Token shapes (JWTs,
 * Bearer and Basic credentials) the mask finds by itself.
 */
final class InputSecrets {
  private static final Pattern URL_PASSWORD = Pattern.compile("://[^/\\s:@\"']+:([^/\\s@\"']+)@");
  private static final Pattern KEYED =
      Pattern.compile(
          "(?i)\"?\\b(password|auth|identitytoken|identity_token|registrytoken|registry_token"
              + "|access_token|refresh_token|token|secret)\"?\\s*[:=]\\s*\\\\?\"([^\"\\\\]{4,})\\\\?\"");
  private static final Pattern HEADER =
      Pattern.compile(
          "(?i)authorization\"?\\s*[:=]\\s*\\\\?\"?(?:\\[)?\\\\?\"?(?:(?:bearer|basic)\\s+)?([^\"\\\\\\]\\s,]{6,})");

  private InputSecrets() {}

  static void collect(String text, Set<String> secrets) {
    if (secrets.size() > 1000) {
      return;
    }
    add(URL_PASSWORD.matcher(text), 1, secrets);
    add(KEYED.matcher(text), 2, secrets);
    add(HEADER.matcher(text), 1, secrets);
  }

  private static void add(Matcher m, int group, Set<String> secrets) {
    while (m.find()) {
      String value = m.group(group);
      if (!value.startsWith("<")
          && !value.equalsIgnoreCase("true")
          && !value.equalsIgnoreCase("false")) {
        secrets.add(value);
      }
    }
  }
}
