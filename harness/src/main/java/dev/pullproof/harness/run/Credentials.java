package dev.pullproof.harness.run;

/** A username and password sent with a pull (CRI AuthConfig, {@code ctr --user}). */
public record Credentials(String username, String password) {
  public Credentials {
    if (username == null || username.isEmpty() || password == null) {
      throw new IllegalArgumentException("credentials need a username and a password");
    }
  }

  @Override
  public String toString() {
    return "Credentials[" + username + ", password redacted]";
  }
}
