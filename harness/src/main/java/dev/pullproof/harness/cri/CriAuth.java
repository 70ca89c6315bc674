package dev.pullproof.harness.cri;

/**
 * Credentials for one pull, as the kubelet sends them in {@code PullImageRequest.auth}: from a pull
 * secret (username and password, or the base64 {@code auth} of a docker config) or from a
 * credential-provider plugin. Empty strings mean "not set", as in the CRI message. {@link
 * #toString()} never shows a secret.
 *
 * @see <a
 *     href="https://github.com/kubernetes/cri-api/blob/master/pkg/apis/runtime/v1/api.proto">CRI
 *     AuthConfig</a>
 */
public record CriAuth(
    String username,
    String password,
    String auth,
    String serverAddress,
    String identityToken,
    String registryToken) {

  public CriAuth {
    username = orEmpty(username);
    password = orEmpty(password);
    auth = orEmpty(auth);
    serverAddress = orEmpty(serverAddress);
    identityToken = orEmpty(identityToken);
    registryToken = orEmpty(registryToken);
    if (username.isEmpty()
        && password.isEmpty()
        && auth.isEmpty()
        && identityToken.isEmpty()
        && registryToken.isEmpty()) {
      throw new IllegalArgumentException(
          "CriAuth needs username/password, auth, identityToken or registryToken; pass no"
              + " CriAuth at all for an anonymous pull");
    }
  }

  /**
   * A username and password, what a {@code kubernetes.io/dockerconfigjson} secret usually holds.
   */
  public static CriAuth basic(String username, String password) {
    if (username == null || username.isEmpty()) {
      throw new IllegalArgumentException("username must not be empty");
    }
    return new CriAuth(username, password, "", "", "", "");
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("CriAuth[");
    if (!username.isEmpty()) {
      text.append("username=").append(username).append(", password=***");
    }
    if (!auth.isEmpty()) {
      text.append(text.length() > 8 ? ", " : "").append("auth=***");
    }
    if (!identityToken.isEmpty()) {
      text.append(text.length() > 8 ? ", " : "").append("identityToken=***");
    }
    if (!registryToken.isEmpty()) {
      text.append(text.length() > 8 ? ", " : "").append("registryToken=***");
    }
    if (!serverAddress.isEmpty()) {
      text.append(", serverAddress=").append(serverAddress);
    }
    return text.append(']').toString();
  }
}
