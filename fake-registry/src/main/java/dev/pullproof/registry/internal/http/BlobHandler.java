package dev.pullproof.registry.internal.http;

import dev.pullproof.registry.content.RegistryContent;
import dev.pullproof.registry.internal.exchange.Exchanges;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.Route;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code /v2/<name>/blobs/<digest>}: HEAD, GET (whole or one Range, 206/416) and DELETE. Blobs are
 * streamed from disk through {@link BlobStreamer}; nothing is buffered on the heap.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-blobs">
 *     pulling blobs</a>
 */
final class BlobHandler implements HttpHandler {
  private final RegistryContent content;
  private final BlobStreamer streamer;

  BlobHandler(RegistryContent content, BlobStreamer streamer) {
    this.content = content;
    this.streamer = streamer;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws IOException {
    Route.Blob route = (Route.Blob) exchange.getAttachment(Exchanges.ROUTE);
    boolean linked =
        content.existing(route.repository()).map(r -> r.hasBlob(route.digest())).orElse(false);
    Path file = content.blobs().find(route.digest()).orElse(null);
    if (!linked || file == null) {
      throw ErrorCode.BLOB_UNKNOWN.exception(route.repository() + "@" + route.digest());
    }
    if (exchange.getRequestMethod().toString().equals("DELETE")) {
      content.repository(route.repository()).unlinkBlob(route.digest());
      Responses.empty(exchange, 202);
      return;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      send(exchange, route, channel);
    }
  }

  private void send(HttpServerExchange exchange, Route.Blob route, FileChannel channel)
      throws IOException {
    long size = channel.size();
    var headers = exchange.getResponseHeaders();
    headers.put(Responses.CONTENT_DIGEST, route.digest().toString());
    headers.put(Headers.ETAG, "\"" + route.digest() + "\"");
    headers.put(Headers.ACCEPT_RANGES, "bytes");
    headers.put(Headers.CONTENT_TYPE, "application/octet-stream");
    String rangeHeader = exchange.getRequestHeaders().getFirst(Headers.RANGE);
    ByteRange range = rangeHeader == null ? null : ByteRange.parse(rangeHeader, size);
    long first = range == null ? 0 : range.first();
    long length = range == null ? size : range.length();
    if (range != null) {
      exchange.setStatusCode(206);
      headers.put(
          Headers.CONTENT_RANGE, "bytes " + range.first() + "-" + range.last() + "/" + size);
    }
    headers.put(Headers.CONTENT_LENGTH, length);
    if (Responses.isHead(exchange)) {
      exchange.endExchange();
      return;
    }
    streamer.send(exchange, channel, first, length);
  }
}
