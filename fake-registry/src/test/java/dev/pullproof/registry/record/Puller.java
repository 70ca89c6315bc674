package dev.pullproof.registry.record;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pull the way registry clients make it, for protocol tests: {@code /v2/}, the challenge's token
 * realm (GET with Basic credentials, or the OAuth2 POST), then the given paths with the token.
 * Every answer's status is kept, as the client saw it.
 */
final class Puller {
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
  private final String base;
  private final String user;
  private final String password;
  final List<String> seen = new ArrayList<>();
  String token;

  Puller(String base, String user, String password) {
    this.base = base;
    this.user = user;
    this.password = password;
  }

  /** {@code GET /v2/}, then a token for {@code scope} from the challenged realm. */
  void login(String scope, boolean post) throws IOException, InterruptedException {
    HttpResponse<String> ping = send(HttpRequest.newBuilder(URI.create(base + "/v2/")), "GET /v2/");
    String challenge = ping.headers().firstValue("WWW-Authenticate").orElse("");
    Matcher m = PARAM.matcher(challenge);
    String realm = "";
    String service = "";
    while (m.find()) {
      if (m.group(1).equals("realm")) {
        realm = m.group(2);
      } else if (m.group(1).equals("service")) {
        service = m.group(2);
      }
    }
    HttpResponse<String> answer;
    if (post) {
      String form =
          "grant_type=password&client_id=puller&service="
              + enc(service)
              + "&scope="
              + enc(scope)
              + "&username="
              + enc(user)
              + "&password="
              + enc(password);
      answer =
          send(
              HttpRequest.newBuilder(URI.create(realm))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form)),
              "POST /token");
    } else {
      answer =
          send(
              HttpRequest.newBuilder(
                      URI.create(realm + "?service=" + enc(service) + "&scope=" + enc(scope)))
                  .header("Authorization", basic()),
              "GET /token");
    }
    Matcher t =
        Pattern.compile("\"(?:access_)?token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
    token = t.find() ? t.group(1) : null;
  }

  /** GET {@code path} with the token (when there is one); the body as bytes. */
  byte[] get(String path, String accept) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    seen.add("GET " + path + " -> " + response.statusCode());
    return response.body();
  }

  int lastStatus() {
    String last = seen.get(seen.size() - 1);
    return Integer.parseInt(last.substring(last.lastIndexOf(' ') + 1));
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String line)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    seen.add(line + " -> " + response.statusCode());
    return response;
  }

  private String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
