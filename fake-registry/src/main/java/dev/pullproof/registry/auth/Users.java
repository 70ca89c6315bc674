package dev.pullproof.registry.auth;

import dev.pullproof.registry.protocol.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The registry's accounts: an immutable map of username to password. Passwords are compared in
 * constant time and never printed.
 */
public final class Users {
  private static final Users NONE = new Users(Map.of());

  private final Map<String, String> passwords;

  private Users(Map<String, String> passwords) {
    this.passwords = Map.copyOf(passwords);
  }

  /** No accounts: only anonymous access, where grants allow it. */
  public static Users none() {
    return NONE;
  }

  /** One account. */
  public static Users of(String username, String password) {
    return NONE.with(username, password);
  }

  /** The given accounts. */
  public static Users of(Map<String, String> passwords) {
    Users users = NONE;
    for (Map.Entry<String, String> e : passwords.entrySet()) {
      users = users.with(e.getKey(), e.getValue());
    }
    return users;
  }

  /**
   * These accounts plus (or with a new password for) {@code username}. A username cannot contain
   * ':' because Basic credentials split there.
   */
  public Users with(String username, String password) {
    if (username == null || username.isEmpty() || username.contains(":")) {
      throw new IllegalArgumentException("username must be non-empty without ':': " + username);
    }
    if (password == null) {
      throw new IllegalArgumentException("password is required for user " + username);
    }
    Map<String, String> copy = new LinkedHashMap<>(passwords);
    copy.put(username, password);
    return new Users(copy);
  }

  public Set<String> usernames() {
    return passwords.keySet();
  }

  /**
   * True when the password is the user's. Compares SHA-256 digests with {@link
   * MessageDigest#isEqual}, so neither the password's length nor its first wrong character shows in
   * the timing; unknown users are compared against a dummy for the same reason.
   */
  public boolean check(String username, String password) {
    String expected = username == null ? null : passwords.get(username);
    boolean match =
        MessageDigest.isEqual(
            digest(expected == null ? "" : expected), digest(password == null ? "" : password));
    return expected != null && password != null && match;
  }

  private static byte[] digest(String text) {
    return Digest.newSha256().digest(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Users" + passwords.keySet();
  }
}
