package dev.pullproof.registry.protocol;

/**
 * The one table of registry errors: each code as the OCI distribution spec and distribution's
 * errcode registry name it, with its default HTTP status and message.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes">
 *     distribution-spec error codes</a>
 */
public enum ErrorCode {
  BLOB_UNKNOWN(404, "blob unknown to registry"),
  BLOB_UPLOAD_INVALID(400, "blob upload invalid"),
  BLOB_UPLOAD_UNKNOWN(404, "blob upload unknown to registry"),
  DIGEST_INVALID(400, "provided digest did not match uploaded content"),
  MANIFEST_BLOB_UNKNOWN(404, "manifest references a manifest or blob unknown to registry"),
  MANIFEST_INVALID(400, "manifest invalid"),
  MANIFEST_UNKNOWN(404, "manifest unknown to registry"),
  NAME_INVALID(400, "invalid repository name"),
  NAME_UNKNOWN(404, "repository name not known to registry"),
  SIZE_INVALID(400, "provided length did not match content length"),
  TAG_INVALID(400, "manifest tag did not match URI"),
  RANGE_INVALID(416, "invalid content range"),
  PAGINATION_NUMBER_INVALID(400, "invalid number of results requested"),
  UNAUTHORIZED(401, "authentication required"),
  DENIED(403, "requested access to the resource is denied"),
  UNSUPPORTED(405, "The operation is unsupported."),
  NOT_FOUND(404, "the path is not part of the distribution API"),
  TOOMANYREQUESTS(429, "too many requests"),
  UNAVAILABLE(503, "service unavailable"),
  /** Only for a fault in the registry itself, never for bad input. */
  UNKNOWN(500, "unknown error");

  private final int status;
  private final String message;

  ErrorCode(int status, String message) {
    this.status = status;
    this.message = message;
  }

  public int status() {
    return status;
  }

  public String message() {
    return message;
  }

  /** An exception carrying this code with its default status and message. */
  public RegistryException exception(String detail) {
    return new RegistryException(this, status, message, detail);
  }

  /** An exception carrying this code with a specific message. */
  public RegistryException withMessage(String message, String detail) {
    return new RegistryException(this, status, message, detail);
  }
}
