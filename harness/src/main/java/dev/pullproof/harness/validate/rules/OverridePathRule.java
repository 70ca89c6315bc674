package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.HostEntry;
import dev.pullproof.harness.validate.model.NodeContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hosts-override-path}: {@code override_path = true} on a URL without a path. containerd
 * then uses the URL's (empty) path as the API root instead of {@code /v2}, so requests go to {@code
 * https://host/<repository>/manifests/...}, which a standard registry answers with 404.
 */
public final class OverridePathRule implements Rule {
  public static final String ID = "hosts-override-path";

  @Override
  public List<Finding> check(NodeContext node) {
    List<Finding> out = new ArrayList<>();
    for (HostEntryAt at : HostEntryAt.all(node)) {
      HostEntry entry = at.entry();
      if (!Boolean.TRUE.equals(entry.table().value("override_path").orElse(false))
          || entry.url().isEmpty()
          || !path(entry.url()).isEmpty()) {
        continue;
      }
      out.add(
          at.at(
              "override_path",
              ID,
              Severity.WARNING,
              node.targets(),
              "override_path = true on "
                  + entry.url()
                  + ", which has no path: containerd drops the /v2 API root and requests"
                  + " <url>/<repository>/manifests/..., which a standard registry answers with"
                  + " 404. override_path is for registries whose API lives under a path"
                  + " (https://host/some/path/v2).",
              "Remove override_path (it does not control fallback), or give the full API path in"
                  + " the URL."));
    }
    return out;
  }

  static String path(String url) {
    try {
      String u = url.contains("://") ? url : "https://" + url;
      String p = URI.create(u).getPath();
      return p == null || p.equals("/") ? "" : p;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
