package dev.pullproof.helper.kubelet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullproof.helper.Answers;
import dev.pullproof.helper.Outcome;
import dev.pullproof.helper.Sequences;
import dev.pullproof.helper.json.Json;
import dev.pullproof.helper.script.Answer;
import dev.pullproof.helper.script.KubeletOptions;
import dev.pullproof.helper.script.Rule;
import dev.pullproof.helper.script.Script;
import dev.pullproof.helper.script.Step;
import java.util.Map;
import java.util.Optional;

/**
 * The kubelet image credential-provider exec protocol, {@value #API_VERSION} (Kubernetes
 * pkg/kubelet/apis/credentialprovider): a {@code CredentialProviderRequest} ({@code image}) on
 * stdin, a {@code CredentialProviderResponse} ({@code cacheKeyType}, {@code cacheDuration}, {@code
 * auth}: match key to {@code username}/{@code password}) on stdout. Not-found is a response with an
 * empty {@code auth} map; an error is its message on stderr with a non-zero exit.
 */
public final class KubeletProviderProtocol {
  public static final String API_VERSION = "credentialprovider.kubelet.k8s.io/v1";

  private final Script script;
  private final Json json;
  private final Sequences sequences;

  public KubeletProviderProtocol(Script script, Json json) {
    this.script = script;
    this.json = json;
    this.sequences = new Sequences(script.counters(), json);
  }

  public Outcome handle(String stdin) {
    JsonNode request;
    try {
      request = json.read(stdin);
    } catch (JsonProcessingException e) {
      return error("cannot read the CredentialProviderRequest: " + e.getOriginalMessage());
    }
    if (request == null || !request.isObject()) {
      return error("expected a CredentialProviderRequest object on stdin");
    }
    if (!API_VERSION.equals(request.path("apiVersion").asText())
        || !"CredentialProviderRequest".equals(request.path("kind").asText())) {
      return error(
          "expected apiVersion "
              + API_VERSION
              + " and kind CredentialProviderRequest, got "
              + request.path("apiVersion").asText("(none)")
              + " and "
              + request.path("kind").asText("(none)"));
    }
    String image = request.path("image").asText("");
    if (image.isEmpty()) {
      return error("the CredentialProviderRequest has no image");
    }
    String host = ImageName.registryHost(image);
    Optional<Rule> rule = script.forImage(image, host);
    if (rule.isPresent()) {
      Step step = sequences.next(rule.get());
      return render(step.answer(), host, rule.get().kubelet(), rule.get().key())
          .after(step.delay());
    }
    return Answers.stored(script, json, host)
        .map(creds -> render(creds, host, KubeletOptions.DEFAULT, "store"))
        .orElseGet(() -> render(script.fallback(), host, KubeletOptions.DEFAULT, "default"));
  }

  private Outcome render(Answer answer, String host, KubeletOptions options, String rule) {
    Optional<Outcome> common = Answers.common(answer, rule);
    if (common.isPresent()) {
      return common.get();
    }
    Map<String, Object> log = Answers.describe(answer);
    if (answer instanceof Answer.Failure f) {
      return Outcome.exit("", f.message() + "\n", f.exit(), rule, log);
    }
    ObjectNode out = json.object();
    out.put("apiVersion", API_VERSION);
    out.put("kind", "CredentialProviderResponse");
    out.put("cacheKeyType", options.cacheKeyType());
    out.put("cacheDuration", options.cacheDuration());
    ObjectNode auth = out.putObject("auth");
    if (answer instanceof Answer.Credentials c) {
      ObjectNode entry = auth.putObject(options.authKey().orElse(host));
      entry.put("username", c.username());
      entry.put("password", c.secret());
    } else if (!(answer instanceof Answer.NotFound)) {
      return error("the answer " + log.get("kind") + " has no meaning for the kubelet protocol");
    }
    return Outcome.exit(json.write(out) + "\n", "", 0, rule, log);
  }

  private static Outcome error(String message) {
    return Outcome.exit(
        "", message + "\n", 1, "builtin", Map.of("kind", "error", "message", message));
  }
}
