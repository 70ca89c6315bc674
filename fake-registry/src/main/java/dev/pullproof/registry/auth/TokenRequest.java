package dev.pullproof.registry.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A validated token request: a GET (grant type {@link #NONE}; credentials, if any, come in the
 * Basic header) or an OAuth2 POST ({@link #PASSWORD} or {@link #REFRESH_TOKEN}). Missing or bad
 * fields are 400s (see {@link BadRequest}); the password is never printed.
 *
 * @see <a
 *     href="https://github.com/distribution/distribution/blob/main/docs/content/spec/auth/oauth.md">OAuth2
 *     token request</a>
 */
record TokenRequest(
    String grantType,
    String service,
    String clientId,
    List<Scope> scopes,
    boolean offline,
    String username,
    String password,
    String refreshToken) {
  static final String NONE = "";
  static final String PASSWORD = "password";
  static final String REFRESH_TOKEN = "refresh_token";

  TokenRequest {
    if (grantType == null || service == null) {
      throw new IllegalArgumentException("grantType and service are required");
    }
    scopes = List.copyOf(scopes);
  }

  /** A GET: {@code service} is required, {@code scope} may repeat. */
  static TokenRequest fromQuery(Map<String, Deque<String>> query) {
    String service = required(first(query.get("service")), "service");
    String offline = first(query.get("offline_token"));
    return new TokenRequest(
        NONE,
        service,
        first(query.get("client_id")),
        scopes(query.get("scope")),
        offline != null && bool(offline),
        null,
        null,
        null);
  }

  /** A POST form: {@code grant_type}, {@code service} and {@code client_id} are required. */
  static TokenRequest fromForm(Map<String, List<String>> form) {
    String grantType = required(first(form.get("grant_type")), "grant_type");
    String service = required(first(form.get("service")), "service");
    String clientId = required(first(form.get("client_id")), "client_id");
    String accessType = first(form.get("access_type"));
    if (accessType != null && !accessType.equals("online") && !accessType.equals("offline")) {
      throw BadRequest.unsupported("access_type must be online or offline: " + accessType);
    }
    List<Scope> scopes = scopes(form.get("scope"));
    boolean offline = "offline".equals(accessType);
    if (grantType.equals(PASSWORD)) {
      String username = required(first(form.get("username")), "username");
      String password = required(first(form.get("password")), "password");
      return new TokenRequest(
          grantType, service, clientId, scopes, offline, username, password, null);
    }
    if (grantType.equals(REFRESH_TOKEN)) {
      String refresh = required(first(form.get("refresh_token")), "refresh_token");
      return new TokenRequest(grantType, service, clientId, scopes, offline, null, null, refresh);
    }
    throw BadRequest.unsupported("grant_type must be password or refresh_token: " + grantType);
  }

  private static List<Scope> scopes(Collection<String> values) {
    List<Scope> scopes = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        scopes.addAll(Scope.parseList(value));
      }
    }
    return Scope.merge(scopes);
  }

  /** Go's strconv.ParseBool, which distribution's token server uses for offline_token. */
  private static boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "1", "t", "true" -> true;
      case "0", "f", "false" -> false;
      default -> throw BadRequest.unsupported("offline_token must be true or false: " + text);
    };
  }

  private static String first(Collection<String> values) {
    return values == null || values.isEmpty() ? null : values.iterator().next();
  }

  private static String required(String value, String field) {
    if (value == null || value.isEmpty()) {
      throw BadRequest.missing(field);
    }
    return value;
  }

  @Override
  public String toString() {
    return "TokenRequest[grantType="
        + grantType
        + ", service="
        + service
        + ", clientId="
        + clientId
        + ", scopes="
        + scopes
        + ", offline="
        + offline
        + ", username="
        + username
        + "]";
  }
}
