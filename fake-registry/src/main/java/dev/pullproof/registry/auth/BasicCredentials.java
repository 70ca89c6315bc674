package dev.pullproof.registry.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A username and password from an {@code Authorization: Basic} header (RFC 7617). The password is
 * never printed.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7617#section-2">RFC 7617, section 2</a>
 */
record BasicCredentials(String username, String password) {
  BasicCredentials {
    if (username == null || password == null) {
      throw new IllegalArgumentException("username and password are required");
    }
  }

  /** True when the header uses the Basic scheme (scheme names are case-insensitive). */
  static boolean isBasic(String header) {
    return header != null && header.toLowerCase(Locale.ROOT).startsWith("basic ");
  }

  /**
   * Decodes a Basic header.
   *
   * @throws IllegalArgumentException when the header is not Basic, not base64 or has no ':'
   */
  static BasicCredentials parse(String header) {
    if (!isBasic(header)) {
      throw new IllegalArgumentException("not a Basic authorization header");
    }
    String decoded;
    try {
      byte[] bytes = Base64.getDecoder().decode(header.substring(6).trim());
      decoded = new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Basic credentials are not base64", e);
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("Basic credentials have no ':' between user and password");
    }
    return new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  @Override
  public String toString() {
    return "BasicCredentials[username=" + username + "]";
  }
}
