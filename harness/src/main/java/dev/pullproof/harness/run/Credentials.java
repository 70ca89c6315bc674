package dev.pullproof.harness.run;

/**
 * What a pull sends: CRI {@code AuthConfig}'s fields (or {@code ctr --user}, username and password
 * only). Empty strings mean "not set", as in the CRI message.
 *
 * @param auth base64 of {@code user:password}, a docker config's {@code auth}
 * @param identityToken a refresh token for the token endpoint
 * @param registryToken a bearer token for the registry
 */
public record Credentials(
    String username, String password, String auth, String identityToken, String registryToken) {
  public Credentials {
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    auth = auth == null ? "" : auth;
    identityToken = identityToken == null ? "" : identityToken;
    registryToken = registryToken == null ? "" : registryToken;
    if (username.isEmpty()
        && auth.isEmpty()
        && identityToken.isEmpty()
        && registryToken.isEmpty()) {
      throw new IllegalArgumentException(
          "credentials need a username and a password, auth, an identity token or a registry token");
    }
  }

  /** A username and password, as a credential provider or most pull secrets give. */
  public Credentials(String username, String password) {
    this(username, password, "", "", "");
    if (username == null || username.isEmpty() || password == null) {
      throw new IllegalArgumentException("credentials need a username and a password");
    }
  }

  @Override
  public String toString() {
    return "Credentials[" + (username.isEmpty() ? "" : username + ", ") + "secrets redacted]";
  }
}
