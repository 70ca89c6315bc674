package dev.pullproof.harness.validate.model;

/**
 * Masks credentials before they reach a finding: header values such as {@code Authorization} and
 * registry {@code auth}/{@code password}/{@code identitytoken} values are shown as their scheme (if
 * any) and {@code ****}.
 */
public final class Secrets {
  private Secrets() {}

  /** {@code "Basic ****"} for {@code "Basic dXNlcjpwYXNz"}; {@code "****"} otherwise. */
  public static String mask(String value) {
    String v = value == null ? "" : value.trim();
    int space = v.indexOf(' ');
    if (space > 0 && v.substring(0, space).matches("[A-Za-z]+")) {
      return v.substring(0, space) + " ****";
    }
    return "****";
  }

  /** Registry auth keys whose values are credentials. */
  public static boolean isSecretAuthKey(String name) {
    return name.equals("password") || name.equals("auth") || name.equals("identitytoken");
  }
}
