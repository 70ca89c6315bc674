package dev.pullproof.registry.internal.http;

import dev.pullproof.registry.content.RegistryContent;
import dev.pullproof.registry.content.Repository;
import dev.pullproof.registry.content.UploadSession;
import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.RepositoryName;
import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.util.Optional;

/**
 * Blob pushes: {@code POST /v2/<name>/blobs/uploads/} (session, monolithic {@code ?digest=}, {@code
 * ?digest-algorithm=} for a session hashed with sha512, or cross-repository {@code ?mount=&from=}),
 * then PATCH chunks with Content-Range, PUT {@code ?digest=} to finish, GET for status and DELETE
 * to cancel. Whatever algorithm the final digest names is the one verified.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pushing-blobs">
 *     pushing blobs</a>
 */
final class UploadHandler implements HttpHandler {
  private final RegistryContent content;

  UploadHandler(RegistryContent content) {
    this.content = content;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws IOException {
    Object route = exchange.getAttachment(Exchanges.ROUTE);
    if (route instanceof Route.UploadStart start) {
      start(exchange, start.repository());
      return;
    }
    Route.Upload upload = (Route.Upload) route;
    UploadSession session = content.upload(upload.repository(), upload.id());
    switch (exchange.getRequestMethod().toString()) {
      case "PATCH" -> patch(exchange, session);
      case "PUT" -> finish(exchange, session, Responses.query(exchange, "digest"));
      case "DELETE" -> {
        content.cancelUpload(session);
        Responses.empty(exchange, 204);
      }
      default -> progress(exchange, session, 204);
    }
  }

  private void start(HttpServerExchange exchange, RepositoryName name) throws IOException {
    String mount = Responses.query(exchange, "mount");
    String from = Responses.query(exchange, "from");
    if (mount != null && from != null && mounted(name, Digest.parse(mount), from)) {
      created(exchange, name, Digest.parse(mount));
      return;
    }
    String digest = Responses.query(exchange, "digest");
    String algorithm = Responses.query(exchange, "digest-algorithm");
    if (algorithm == null) {
      algorithm = digest == null ? "sha256" : Digest.parse(digest).algorithm();
    }
    Digest.hexLength(algorithm);
    UploadSession session = content.startUpload(name, algorithm);
    if (digest != null) {
      finish(exchange, session, digest);
      return;
    }
    progress(exchange, session, 202);
  }

  /** Links a blob from another repository; false means "fall back to a normal upload". */
  private boolean mounted(RepositoryName name, Digest digest, String from) {
    Optional<Repository> source = content.existing(RepositoryName.of(from));
    if (source.isEmpty() || !source.get().hasBlob(digest) || !content.blobs().contains(digest)) {
      return false;
    }
    content.repository(name).linkBlob(digest);
    return true;
  }

  private void patch(HttpServerExchange exchange, UploadSession session) throws IOException {
    checkRange(exchange, session);
    session.append(exchange.getInputStream());
    progress(exchange, session, 202);
  }

  /**
   * A chunk's Content-Range, on PATCH or on the closing PUT, must start at the upload's size: spec,
   * "pushing a blob in chunks": out of order is {@code 416}, for the final chunk too.
   */
  private static void checkRange(HttpServerExchange exchange, UploadSession session) {
    String range = exchange.getRequestHeaders().getFirst(Headers.CONTENT_RANGE);
    if (range != null) {
      long[] startEnd = contentRange(range);
      long start = startEnd[0];
      long declared = exchange.getRequestContentLength();
      if (declared >= 0 && declared != startEnd[1] - start + 1) {
        // The spec table's code for a length that does not match the content.
        throw ErrorCode.SIZE_INVALID.exception(
            "Content-Range '"
                + range
                + "' covers "
                + (startEnd[1] - start + 1)
                + " bytes but the chunk has "
                + declared);
      }
      if (start != session.size()) {
        throw ErrorCode.RANGE_INVALID
            .exception(
                "chunk starts at " + start + " but the upload has " + session.size() + " bytes")
            .withHeader("Range", rangeValue(session.size()))
            .withHeader("Location", location(session));
      }
    }
  }

  private void finish(HttpServerExchange exchange, UploadSession session, String digestText)
      throws IOException {
    if (digestText == null) {
      content.cancelUpload(session);
      throw ErrorCode.DIGEST_INVALID.exception("PUT needs ?digest=<algorithm:hex>");
    }
    Digest expected;
    try {
      expected = Digest.parse(digestText);
    } catch (RuntimeException e) {
      content.cancelUpload(session);
      throw e;
    }
    checkRange(exchange, session);
    session.append(exchange.getInputStream());
    created(exchange, session.repository(), content.finishUpload(session, expected));
  }

  private static void created(HttpServerExchange exchange, RepositoryName name, Digest digest) {
    exchange.getResponseHeaders().put(Headers.LOCATION, "/v2/" + name + "/blobs/" + digest);
    exchange.getResponseHeaders().put(Responses.CONTENT_DIGEST, digest.toString());
    Responses.empty(exchange, 201);
  }

  private static void progress(HttpServerExchange exchange, UploadSession session, int status) {
    exchange.getResponseHeaders().put(Headers.LOCATION, location(session));
    exchange.getResponseHeaders().put(Headers.RANGE, rangeValue(session.size()));
    exchange.getResponseHeaders().put(Responses.UPLOAD_UUID, session.id());
    Responses.empty(exchange, status);
  }

  private static String location(UploadSession session) {
    return "/v2/" + session.repository() + "/blobs/uploads/" + session.id();
  }

  /** Distribution's convention: {@code 0-<last byte>}, and {@code 0-0} for an empty upload. */
  private static String rangeValue(long size) {
    return "0-" + Math.max(0, size - 1);
  }

  /**
   * Parses {@code <start>-<end>} (inclusive, as the spec writes it; a {@code bytes } prefix and a
   * {@code /<total>} suffix are tolerated). Anything else, or an end before the start, is
   * RANGE_INVALID.
   */
  private static long[] contentRange(String header) {
    String value = header.startsWith("bytes ") ? header.substring(6) : header;
    int slash = value.indexOf('/');
    if (slash >= 0) {
      value = value.substring(0, slash);
    }
    int dash = value.indexOf('-');
    try {
      long start = Long.parseLong(value.substring(0, dash).trim());
      long end = Long.parseLong(value.substring(dash + 1).trim());
      if (start < 0 || end < start) {
        throw ErrorCode.RANGE_INVALID.exception(
            "Content-Range '" + header + "' ends before it starts");
      }
      return new long[] {start, end};
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw ErrorCode.RANGE_INVALID.exception("Content-Range '" + header + "' is not start-end");
    }
  }
}
