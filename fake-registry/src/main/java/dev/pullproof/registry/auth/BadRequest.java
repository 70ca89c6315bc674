package dev.pullproof.registry.auth;

import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.RegistryException;

/**
 * The 400 answers of the token endpoint and scope parser. Distribution's token server uses codes of
 * its own here ({@code UNSUPPORTED_VALUE}, {@code MISSING_REQUIRED_FIELD}, {@code
 * BAD_TOKEN_OPTION}) that the distribution-spec table lacks; the closest spec code is UNSUPPORTED,
 * answered with status 400 as distribution does, and the message says which case it is.
 *
 * @see <a
 *     href="https://distribution.github.io/distribution/spec/auth/token/#token-response-fields">
 *     distribution: token response</a>
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes">
 *     distribution-spec: error codes</a>
 */
final class BadRequest {
  private BadRequest() {}

  /** A parameter is absent or empty. */
  static RegistryException missing(String field) {
    return ErrorCode.UNSUPPORTED
        .withMessage("missing required field", "missing " + field + " value")
        .withStatus(400);
  }

  /** A parameter has a value the endpoint does not accept. */
  static RegistryException unsupported(String detail) {
    return ErrorCode.UNSUPPORTED.withMessage("unsupported value", detail).withStatus(400);
  }

  /** A scope does not follow the resource scope grammar. */
  static RegistryException invalidScope(String detail) {
    return ErrorCode.UNSUPPORTED.withMessage("invalid scope", detail).withStatus(400);
  }
}
