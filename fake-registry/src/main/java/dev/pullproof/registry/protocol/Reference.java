package dev.pullproof.registry.protocol;

import java.util.regex.Pattern;

/**
 * What a manifest request names: a tag or a digest.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests">
 *     distribution-spec: pulling manifests</a>
 */
public sealed interface Reference {
  /** Parses the last path segment of a manifest URL. */
  static Reference parse(String text) {
    if (text != null && text.contains(":")) {
      return new ByDigest(Digest.parse(text));
    }
    return new Tag(text);
  }

  /** A tag: {@code [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}}. */
  record Tag(String name) implements Reference {
    private static final Pattern GRAMMAR = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

    public Tag {
      if (name == null || !GRAMMAR.matcher(name).matches()) {
        throw ErrorCode.TAG_INVALID.withMessage("invalid tag", "tag: " + name);
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }

  record ByDigest(Digest digest) implements Reference {
    @Override
    public String toString() {
      return digest.toString();
    }
  }
}
