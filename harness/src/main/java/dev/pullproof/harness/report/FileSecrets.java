package dev.pullproof.harness.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials written as text into a scenario's files: containerd's config.toml ({@code
 * registry.configs} {@code auth} tables: password, auth, identitytoken), static {@code
 * authorization} headers in hosts.toml, and the answers of a fake helper's script ({@code secret},
 * {@code password}). The scenario model keeps these as opaque text, so they are found here by key.
 */
final class FileSecrets {
  // key = "value" (TOML) or "key": "value" (JSON); keys compared case-insensitively.
  private static final Pattern VALUE =
      Pattern.compile(
          "(?i)(?<![\\w-])[\"']?(password|secret|auth|identitytoken|identity_token|registrytoken"
              + "|authorization|token|access_token)[\"']?\\s*[:=]\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern USERNAME =
      Pattern.compile("(?i)[\"']?\\busername[\"']?\\s*[:=]\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern SCHEME = Pattern.compile("(?i)^(basic|bearer)\\s+(.+)$");

  private FileSecrets() {}

  /** Adds every credential the text holds, with its user:password pairs and their encodings. */
  static void collect(String text, Set<String> secrets) {
    List<String> users = new ArrayList<>();
    Matcher u = USERNAME.matcher(text);
    while (u.find()) {
      users.add(u.group(1));
    }
    Matcher m = VALUE.matcher(text);
    while (m.find()) {
      String key = m.group(1).toLowerCase(java.util.Locale.ROOT);
      String value = m.group(2).trim();
      if (value.isEmpty() || value.contains("{{")) {
        continue;
      }
      if (key.equals("authorization")) {
        Matcher scheme = SCHEME.matcher(value);
        if (scheme.matches()) {
          value = scheme.group(2).trim();
          secrets.add(value);
          decodedPair(value, secrets);
        } else {
          secrets.add(value);
        }
      } else if (key.equals("auth")) {
        secrets.add(value);
        decodedPair(value, secrets);
      } else {
        secrets.add(value);
        for (String user : users) {
          Redactor.addPair(secrets, user, value);
        }
      }
    }
  }

  /** A base64 {@code user:password}: the password and the pair in every encoding. */
  private static void decodedPair(String encoded, Set<String> secrets) {
    String pair;
    try {
      pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return; // Not base64: an opaque token, already added whole.
    }
    int colon = pair.indexOf(':');
    if (colon > 0 && colon < pair.length() - 1) {
      Redactor.addPair(secrets, pair.substring(0, colon), pair.substring(colon + 1));
    }
  }
}
