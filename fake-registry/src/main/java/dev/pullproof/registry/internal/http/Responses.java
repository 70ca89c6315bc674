package dev.pullproof.registry.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Small helpers for writing successful responses and reading bounded request bodies. */
final class Responses {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpString CONTENT_DIGEST = HttpString.tryFromString("Docker-Content-Digest");
  static final HttpString UPLOAD_UUID = HttpString.tryFromString("Docker-Upload-UUID");

  private Responses() {}

  static void json(HttpServerExchange exchange, int status, JsonNode body) {
    bytes(exchange, status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
  }

  static void bytes(HttpServerExchange exchange, int status, String contentType, byte[] body) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
    if (isHead(exchange)) {
      exchange.endExchange();
    } else {
      exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
  }

  static void empty(HttpServerExchange exchange, int status) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
    exchange.endExchange();
  }

  static boolean isHead(HttpServerExchange exchange) {
    return exchange.getRequestMethod().toString().equals("HEAD");
  }

  /** Reads the whole body, or returns null when it exceeds {@code limit} bytes. */
  static byte[] readBody(HttpServerExchange exchange, int limit) throws IOException {
    InputStream in = exchange.getInputStream();
    byte[] body = in.readNBytes(limit + 1);
    return body.length > limit ? null : body;
  }

  static String query(HttpServerExchange exchange, String name) {
    var values = exchange.getQueryParameters().get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }
}
