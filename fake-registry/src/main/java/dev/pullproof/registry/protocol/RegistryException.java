package dev.pullproof.registry.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the registry answers with a spec error. Handlers throw it; one handler renders it as
 * {@code {"errors":[{"code","message","detail"}]}}, so no handler writes error bodies itself.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes">
 *     distribution-spec: error codes</a>
 */
public final class RegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final int status;
  private final String detail;
  private final Map<String, String> headers = new LinkedHashMap<>();

  RegistryException(ErrorCode code, int status, String message, String detail) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
    this.detail = detail;
  }

  public ErrorCode code() {
    return code;
  }

  public int status() {
    return status;
  }

  /** Free text for the JSON {@code detail} field; may be null. */
  public String detail() {
    return detail;
  }

  /** Extra response headers, e.g. {@code WWW-Authenticate} or {@code Retry-After}. */
  public Map<String, String> headers() {
    return Map.copyOf(headers);
  }

  /** Returns a copy answering with another HTTP status (e.g. 431 for oversized headers). */
  public RegistryException withStatus(int newStatus) {
    RegistryException copy = new RegistryException(code, newStatus, getMessage(), detail);
    copy.headers.putAll(headers);
    return copy;
  }

  public RegistryException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
