package dev.pullproof.harness.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The error codes a scenario's status fault may answer with ({@code fault = { status = 429, error =
 * "TOOMANYREQUESTS" }}): the distribution spec's codes plus the fake registry's {@code NOT_FOUND},
 * {@code UNAVAILABLE} and {@code UNKNOWN}. The world maps each to the registry's own error table; a
 * contract test keeps the two lists equal.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes">OCI
 *     distribution spec: error codes</a>
 */
public enum SpecErrorCode {
  BLOB_UNKNOWN,
  BLOB_UPLOAD_INVALID,
  BLOB_UPLOAD_UNKNOWN,
  DIGEST_INVALID,
  MANIFEST_BLOB_UNKNOWN,
  MANIFEST_INVALID,
  MANIFEST_UNKNOWN,
  NAME_INVALID,
  NAME_UNKNOWN,
  SIZE_INVALID,
  TAG_INVALID,
  RANGE_INVALID,
  PAGINATION_NUMBER_INVALID,
  UNAUTHORIZED,
  DENIED,
  UNSUPPORTED,
  NOT_FOUND,
  TOOMANYREQUESTS,
  UNAVAILABLE,
  UNKNOWN;

  /** Upper-case, as the spec writes it; scenarios may write it in any case. */
  public static Optional<SpecErrorCode> of(String code) {
    return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
