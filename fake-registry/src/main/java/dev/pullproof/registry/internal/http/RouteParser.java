package dev.pullproof.registry.internal.http;

import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.Reference;
import dev.pullproof.registry.protocol.RegistryException;
import dev.pullproof.registry.protocol.RepositoryName;
import dev.pullproof.registry.protocol.Route;
import java.util.regex.Pattern;

/**
 * Parses request paths into {@link Route}s. Paths outside the API are NOT_FOUND; malformed names,
 * references and digests carry their own spec codes.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#endpoints">
 *     distribution-spec: endpoints</a>
 */
public final class RouteParser {
  private static final Pattern UPLOAD_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  private final String tokenPath;

  /**
   * @param tokenPath the path of this server's token endpoint (e.g. {@code /token}), or null when
   *     it hosts none
   */
  public RouteParser(String tokenPath) {
    this.tokenPath = tokenPath;
  }

  /** The route of a manifest write or of any other request: malformed parts are 400s. */
  public Route parse(String path) {
    return parse("PUT", path);
  }

  /**
   * The route of a {@code method} request. A manifest GET or HEAD whose reference is neither a tag
   * nor a digest names no manifest: 404 MANIFEST_UNKNOWN, the only failure the spec's endpoint
   * table lists for end-3 (clients probing for absence expect it); writes keep the 400.
   */
  public Route parse(String method, String path) {
    if (path == null || path.length() > 2048) {
      throw ErrorCode.NOT_FOUND.exception("path missing or longer than 2048 characters");
    }
    if (tokenPath != null && path.equals(tokenPath)) {
      return new Route.Token();
    }
    if (path.equals("/v2/") || path.equals("/v2")) {
      return new Route.Base();
    }
    if (path.equals("/v2/_catalog")) {
      return new Route.Catalog();
    }
    if (!path.startsWith("/v2/")) {
      throw ErrorCode.NOT_FOUND.exception(path);
    }
    String rest = path.substring("/v2/".length());
    int uploads = rest.lastIndexOf("/blobs/uploads");
    if (uploads > 0) {
      RepositoryName name = RepositoryName.of(rest.substring(0, uploads));
      String tail = rest.substring(uploads + "/blobs/uploads".length());
      if (tail.isEmpty() || tail.equals("/")) {
        return new Route.UploadStart(name);
      }
      String id = tail.substring(1);
      if (!UPLOAD_ID.matcher(id).matches()) {
        throw ErrorCode.BLOB_UPLOAD_UNKNOWN.exception("malformed upload id");
      }
      return new Route.Upload(name, id);
    }
    if (rest.endsWith("/tags/list")) {
      return new Route.TagsList(RepositoryName.of(rest.substring(0, rest.length() - 10)));
    }
    String[] kinds = {"/manifests/", "/blobs/", "/referrers/"};
    for (String kind : kinds) {
      int at = rest.lastIndexOf(kind);
      if (at > 0) {
        RepositoryName name = RepositoryName.of(rest.substring(0, at));
        String last = rest.substring(at + kind.length());
        return switch (kind) {
          case "/manifests/" -> new Route.Manifest(name, reference(method, last));
          case "/blobs/" -> new Route.Blob(name, Digest.parse(last));
          default -> new Route.Referrers(name, Digest.parse(last));
        };
      }
    }
    throw ErrorCode.NOT_FOUND.exception(path);
  }

  private static Reference reference(String method, String text) {
    try {
      return Reference.parse(text);
    } catch (RegistryException e) {
      if (method.equals("GET") || method.equals("HEAD")) {
        throw ErrorCode.MANIFEST_UNKNOWN.exception(
            "no manifest can have this reference: "
                + e.code()
                + (e.detail() == null ? "" : " " + e.detail()));
      }
      throw e;
    }
  }
}
