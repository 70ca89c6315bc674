package dev.pullproof.registry.auth;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} request body, read in blocking mode and bounded in
 * size, as the OAuth2 token request sends it.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/oauth/">distribution: OAuth2
 *     token request</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#appendix-B">RFC 6749, appendix B</a>
 */
final class FormBody {
  static final String MEDIA_TYPE = "application/x-www-form-urlencoded";
  private static final int MAX_BYTES = 64 * 1024;

  private FormBody() {}

  /** Every field with its values in body order; 400 on another media type or a bad body. */
  static Map<String, List<String>> read(HttpServerExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(MEDIA_TYPE)) {
      throw BadRequest.unsupported("content type must be " + MEDIA_TYPE + ", not " + type);
    }
    byte[] body;
    try {
      body = exchange.getInputStream().readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the token request body", e);
    }
    if (body.length > MAX_BYTES) {
      throw BadRequest.unsupported("form body is larger than " + MAX_BYTES + " bytes");
    }
    return parse(new String(body, StandardCharsets.UTF_8));
  }

  static Map<String, List<String>> parse(String body) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return fields;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw BadRequest.unsupported("form body is not URL-encoded: " + e.getMessage());
    }
  }
}
