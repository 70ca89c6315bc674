package dev.pullproof.registry.auth;

/**
 * A bearer token the registry does not accept: unparseable, wrongly signed, expired, not yet valid,
 * or for another issuer or audience. The message says which, for the journal and the error detail;
 * it never contains the token.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750, invalid_token</a>
 */
public final class InvalidTokenException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidTokenException(String message) {
    super(message);
  }

  public InvalidTokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
