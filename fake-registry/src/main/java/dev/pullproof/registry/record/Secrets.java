package dev.pullproof.registry.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the recorder must never write: the proxy's own password, every password and token it sees
 * pass, and their encodings. Each is replaced by a placeholder ({@value #PASSWORD}, {@value
 * #TOKEN}, {@value #REFRESH_TOKEN}) wherever it appears in text that is stored.
 */
final class Secrets {
  static final String PASSWORD = "{{password}}";
  static final String TOKEN = "{{token}}";
  static final String REFRESH_TOKEN = "{{refresh_token}}";
  static final List<String> TOKEN_FIELDS = List.of("token", "access_token", "id_token");
  private static final int SHORTEST = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  // Longest first would be better for overlapping secrets; they are independent random strings.
  private final Map<String, String> known = new ConcurrentHashMap<>();

  /** Learns {@code secret} (and its base64 and URL encodings) as a {@code placeholder}. */
  void learn(String secret, String placeholder) {
    if (secret == null || secret.length() < SHORTEST) {
      return;
    }
    known.put(secret, placeholder);
    known.put(URLEncoder.encode(secret, StandardCharsets.UTF_8), placeholder);
  }

  /** Learns the parts of a basic {@code Authorization} value: the password and the whole value. */
  void learnBasic(String base64) {
    known.put(base64, PASSWORD);
    String decoded = decodeBasic(base64);
    int colon = decoded.indexOf(':');
    if (colon >= 0) {
      learn(decoded.substring(colon + 1), PASSWORD);
    }
  }

  /** The user of a basic {@code Authorization} value, or empty. */
  static String basicUser(String base64) {
    String decoded = decodeBasic(base64);
    int colon = decoded.indexOf(':');
    return colon < 0 ? "" : decoded.substring(0, colon);
  }

  private static String decodeBasic(String base64) {
    try {
      return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return "";
    }
  }

  /** {@code text} with every known secret replaced by its placeholder. */
  String scrub(String text) {
    String out = text;
    for (Map.Entry<String, String> secret : known.entrySet()) {
      if (out.contains(secret.getKey())) {
        out = out.replace(secret.getKey(), secret.getValue());
      }
    }
    return out;
  }

  /**
   * A token endpoint's JSON answer with its tokens replaced by placeholders, each learned first; an
   * answer that is not a JSON object is scrubbed as text.
   */
  String tokenAnswer(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (IOException notJson) {
      return scrub(text);
    }
    if (!(node instanceof ObjectNode object)) {
      return scrub(text);
    }
    for (String field : TOKEN_FIELDS) {
      if (object.get(field) != null && object.get(field).isTextual()) {
        learn(object.get(field).asText(), TOKEN);
        object.put(field, TOKEN);
      }
    }
    if (object.get("refresh_token") != null && object.get("refresh_token").isTextual()) {
      learn(object.get("refresh_token").asText(), REFRESH_TOKEN);
      object.put("refresh_token", REFRESH_TOKEN);
    }
    return scrub(object.toString());
  }

  /** A token POST's form as stored: secrets learned, then replaced ({@link #formKey}). */
  String form(String body) {
    for (String[] pair : pairs(body)) {
      if (pair[0].equals("password")) {
        learn(pair[1], PASSWORD);
      } else if (pair[0].equals("refresh_token")) {
        learn(pair[1], REFRESH_TOKEN);
      }
    }
    return scrub(formKey(body));
  }

  /**
   * A form (or query) as the recording matches it: parameters sorted, {@code password} and {@code
   * refresh_token} values replaced by their placeholders, so the same request always reads the same
   * whatever the secret.
   */
  static String formKey(String body) {
    List<String> out = new ArrayList<>();
    for (String[] pair : pairs(body)) {
      String value =
          pair[0].equals("password")
              ? PASSWORD
              : pair[0].equals("refresh_token")
                  ? REFRESH_TOKEN
                  : URLEncoder.encode(pair[1], StandardCharsets.UTF_8);
      out.add(URLEncoder.encode(pair[0], StandardCharsets.UTF_8) + "=" + value);
    }
    out.sort(null);
    return String.join("&", out);
  }

  private static List<String[]> pairs(String body) {
    List<String[]> out = new ArrayList<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      out.add(
          new String[] {
            decode(eq < 0 ? pair : pair.substring(0, eq)),
            eq < 0 ? "" : decode(pair.substring(eq + 1))
          });
    }
    return out;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }
}
