package dev.pullproof.registry.protocol;

/**
 * A parsed registry path. {@link RouteParser} turns {@code /v2/...} into one of these once, so
 * handlers never split paths themselves (repository names contain slashes).
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#endpoints">
 *     distribution-spec: endpoints</a>
 */
public sealed interface Route {
  /** A short name for journals and fault rules: {@code base}, {@code manifest}, {@code blob}... */
  String kind();

  /** The repository the route acts on, or null. */
  default RepositoryName repository() {
    return null;
  }

  record Base() implements Route {
    public String kind() {
      return "base";
    }
  }

  record Catalog() implements Route {
    public String kind() {
      return "catalog";
    }
  }

  /** The token endpoint this server hosts (the realm of its token challenges). */
  record Token() implements Route {
    public String kind() {
      return "token";
    }
  }

  record Manifest(RepositoryName repository, Reference reference) implements Route {
    public String kind() {
      return "manifest";
    }
  }

  record Blob(RepositoryName repository, Digest digest) implements Route {
    public String kind() {
      return "blob";
    }
  }

  /** {@code POST /v2/<name>/blobs/uploads/}. */
  record UploadStart(RepositoryName repository) implements Route {
    public String kind() {
      return "upload";
    }
  }

  /** {@code PATCH|PUT|GET|DELETE /v2/<name>/blobs/uploads/<id>}. */
  record Upload(RepositoryName repository, String id) implements Route {
    public String kind() {
      return "upload";
    }
  }

  record TagsList(RepositoryName repository) implements Route {
    public String kind() {
      return "tags";
    }
  }

  record Referrers(RepositoryName repository, Digest digest) implements Route {
    public String kind() {
      return "referrers";
    }
  }
}
