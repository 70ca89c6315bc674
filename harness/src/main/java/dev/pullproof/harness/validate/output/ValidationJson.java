package dev.pullproof.harness.validate.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pullproof.harness.report.Redactor;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.Validation;
import dev.pullproof.harness.validate.live.VersionResult;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine-readable report: the same content as the text one, secrets masked. */
public final class ValidationJson {
  private final Redactor redactor;

  public ValidationJson(Redactor redactor) {
    this.redactor = redactor;
  }

  public String render(Validation v) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("config", v.files().config().toString());
    root.put("hostsDir", v.files().hostsDir().map(Object::toString).orElse(null));
    root.put("images", v.images());
    root.put("containerd", v.targets().stream().map(t -> t.label()).toList());
    root.put("ready", !v.failed() && v.incomplete().isEmpty());
    root.put("verdict", ValidationText.verdict(v));
    root.put("breaks", v.breaks());
    root.put("findings", v.findings().stream().map(ValidationJson::finding).toList());
    root.put("versions", v.versions().stream().map(ValidationJson::version).toList());
    root.put("notes", v.notes());
    try {
      return redactor.redact(
              new ObjectMapper()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(root))
          + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot render the validation as JSON", e);
    }
  }

  private static Map<String, Object> finding(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", f.rule());
    m.put("severity", f.severity().name());
    m.put("file", f.file().toString());
    m.put("line", f.line());
    m.put("key", f.key());
    m.put("versions", f.versions().stream().map(x -> x.label()).toList());
    m.put("message", f.message());
    m.put("fix", f.fix());
    m.put("liveOnly", f.liveOnly());
    m.put(
        "evidence",
        f.evidence().stream()
            .map(
                e ->
                    Map.of(
                        "family", e.family().label(),
                        "kind", e.kind().name(),
                        "observed", e.observed()))
            .toList());
    return m;
  }

  private static Map<String, Object> version(VersionResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("family", r.family().label());
    m.put("containerd", r.containerdVersion());
    m.put("criLoaded", r.criLoaded().orElse(null));
    m.put("state", r.state().name());
    m.put("reason", r.reason().isEmpty() ? null : r.reason());
    List<Map<String, Object>> images =
        r.images().stream()
            .map(
                i -> {
                  Map<String, Object> x = new LinkedHashMap<>();
                  x.put("image", i.image());
                  x.put("pulled", i.pulled());
                  x.put("error", i.error());
                  return x;
                })
            .toList();
    m.put("images", images);
    m.put("requests", r.hostsTried());
    m.put("logged", r.logged());
    return m;
  }
}
