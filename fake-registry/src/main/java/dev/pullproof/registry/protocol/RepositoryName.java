package dev.pullproof.registry.protocol;

import java.util.regex.Pattern;

/**
 * A repository name such as {@code library/app}: path components of lowercase alphanumerics joined
 * by separators, as the distribution spec's grammar says; at most 255 characters.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests">
 *     distribution-spec: the name grammar</a>
 */
public record RepositoryName(String value) implements Comparable<RepositoryName> {
  private static final Pattern GRAMMAR =
      Pattern.compile(
          "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");

  public RepositoryName {
    if (value == null || value.isEmpty() || value.length() > 255) {
      throw ErrorCode.NAME_INVALID.exception("name must be 1 to 255 characters");
    }
    if (!GRAMMAR.matcher(value).matches()) {
      throw ErrorCode.NAME_INVALID.exception(
          "name does not match the distribution grammar: " + value);
    }
  }

  public static RepositoryName of(String value) {
    return new RepositoryName(value);
  }

  @Override
  public int compareTo(RepositoryName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
