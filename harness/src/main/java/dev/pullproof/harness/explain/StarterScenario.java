package dev.pullproof.harness.explain;

import dev.pullproof.harness.explain.InputLine.PullError;
import dev.pullproof.harness.validate.model.ImageRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A starter scenario from the evidence: one fake host per registry host the evidence names
 * (impersonated by name and port), the faults the errors on each imply (refused, EOF, reset, 5xx,
 * 429, a TLS failure, token auth without credentials, a missing image), the customer's config.toml
 * and hosts.toml referenced unmodified, the pull, and the error the evidence shows as the
 * expectation. A starting point: the comments say what was inferred from which words.
 */
final class StarterScenario {
  private static final Pattern IMAGE_IN_ERROR = Pattern.compile("image \"([^\"]+)\"");
  private static final Pattern STATUS = Pattern.compile("\\b(5\\d\\d|429)\\b");
  private static final Pattern IP = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private StarterScenario() {}

  /** The scenario's TOML text. */
  static String render(
      Diagnosis d, List<PullError> errors, Optional<Path> config, Optional<Path> hostsDir, Path out)
      throws IOException {
    String error = errors.isEmpty() ? "" : errors.get(errors.size() - 1).text();
    String image = image(d, error);
    ImageRef ref = ref(image);
    String registry = ref.registry();
    Map<String, String> hostErrors = new LinkedHashMap<>();
    String imageHost = registry.equals("docker.io") ? "registry-1.docker.io" : registry;
    hostErrors.put(imageHost, error);
    for (Timeline.Event e : d.timeline()) {
      if (!e.host().isEmpty()) {
        hostErrors.merge(e.host(), e.what(), (a, b) -> a + "\n" + b);
      }
    }
    StringBuilder toml = new StringBuilder();
    String id = d.causes().isEmpty() ? "unmatched" : d.causes().get(0).scenario();
    toml.append("# Starter scenario from `pullproof explain ")
        .append(d.source())
        .append("`; closest catalogue scenario: ")
        .append(id)
        .append(".\n# Run it: ./pullproof run ")
        .append(out)
        .append("\n");
    toml.append("name = \"explain-").append(slug(id)).append("\"\n");
    toml.append("summary = ")
        .append(
            quote(
                "Reproduces: "
                    + shorten(
                        Normal.of(error).isEmpty() ? "(no error in the evidence)" : error, 150)))
        .append('\n');
    if (!d.version().isEmpty()) {
      toml.append("versions = [\"").append(d.version()).append("\"]\n");
    }
    String imageRegistryName = "";
    String repoTag = ref.repositoryAndTag();
    for (Map.Entry<String, String> h : hostErrors.entrySet()) {
      String name = name(h.getKey());
      if (h.getKey().equals(imageHost)) {
        imageRegistryName = name;
      }
      toml.append('\n').append(registryTable(name, h.getKey(), h.getValue(), repoTag));
    }
    if (config.isPresent() || hostsDir.isPresent()) {
      toml.append("\n[containerd.files]   # the node's own files, unmodified\n");
      if (config.isPresent()) {
        toml.append("\"config.toml\" = { file = ")
            .append(quote(relative(out, config.get())))
            .append(" }\n");
      }
      if (hostsDir.isPresent()) {
        try (Stream<Path> files = Files.walk(hostsDir.get())) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            String inside = hostsDir.get().relativize(f).toString().replace('\\', '/');
            toml.append(quote("certs.d/" + inside))
                .append(" = { file = ")
                .append(quote(relative(out, f)))
                .append(" }\n");
          }
        }
      }
    }
    toml.append("\n[[pull]]\n");
    boolean ip = IP.matcher(imageHost).lookingAt();
    toml.append("image = ")
        .append(quote(ip ? "{{" + imageRegistryName + ".address}}/" + repoTag : image))
        .append(
            ip
                ? "   # an address cannot be impersonated: the fake host's own address stands in\n"
                : "\n");
    toml.append("\n[expect]\n");
    if (error.isEmpty()) {
      toml.append(
          "# no pull error in the evidence: the run shows what each version does (OBSERVED)\n");
    } else {
      toml.append("outcome = \"failure\"\n");
      String stable = stableTail(error);
      if (!stable.isEmpty()) {
        toml.append("error_contains = ").append(quote(stable)).append("   # from the evidence\n");
      }
    }
    return toml.toString();
  }

  private static String registryTable(String name, String host, String errors, String repoTag) {
    StringBuilder t = new StringBuilder("[registries.").append(name).append("]\n");
    String lower = errors.toLowerCase(Locale.ROOT);
    String bare = host;
    int port = -1;
    int colon = host.lastIndexOf(':');
    if (colon > 0 && host.substring(colon + 1).matches("\\d+")) {
      bare = host.substring(0, colon);
      port = Integer.parseInt(host.substring(colon + 1));
    }
    boolean ip = IP.matcher(bare).matches();
    if (!ip) {
      t.append("host = ").append(quote(bare)).append('\n');
    }
    boolean plain = lower.contains("http response to https client") || lower.contains("http://");
    if (port > 0 && !(port == 443 && !plain) && !(port == 80 && plain)) {
      t.append("port = ").append(port).append('\n');
    }
    String down =
        lower.contains("connection refused")
            ? "refused"
            : lower.contains("connection reset")
                ? "reset"
                : lower.matches("(?s).*(: eof|\\beof\\b).*") ? "eof" : "";
    if (lower.contains("unknown authority")) {
      t.append(
          "tls = { mode = \"unknown-ca\" }   # x509: certificate signed by unknown authority\n");
    } else if (lower.contains("certificate has expired")) {
      t.append("tls = { mode = \"expired\" }   # x509: certificate has expired\n");
    } else if (lower.contains("valid for")) {
      t.append("tls = { mode = \"wrong-name\" }   # x509: certificate is valid for other names\n");
    } else if (!plain) {
      t.append("tls = true\n");
    }
    if (!down.isEmpty()) {
      t.append("down = \"")
          .append(down)
          .append("\"   # the evidence: ")
          .append(down.equals("eof") ? "EOF" : "connection " + down)
          .append('\n');
      return t.toString();
    }
    boolean auth =
        lower.contains("401")
            || lower.contains("authorization failed")
            || lower.contains("pull access denied")
            || lower.contains("insufficient_scope")
            || lower.contains("unauthorized");
    if (auth) {
      t.append(
          "auth = { type = \"token\", users = { node = \"change-me\" } }   # the evidence: 401 / authorization failed; no credentials are sent\n");
    }
    if (lower.contains("not found") && !auth) {
      t.append("images = []   # the evidence: not found\n");
    } else {
      t.append("images = [").append(quote(repoTag)).append("]\n");
    }
    Matcher status = STATUS.matcher(lower);
    if (status.find()) {
      t.append("\n[[registries.")
          .append(name)
          .append(".faults]]   # the evidence: ")
          .append(status.group(1))
          .append('\n');
      t.append("route = \"manifest\"\nfault = { status = ").append(status.group(1)).append(" }\n");
    }
    return t.toString();
  }

  static String image(Diagnosis d, String error) {
    if (!d.images().isEmpty()) {
      return d.images().get(0);
    }
    Matcher m = IMAGE_IN_ERROR.matcher(error);
    return m.find() ? m.group(1) : "docker.io/library/app:1.0";
  }

  /** The image as containerd splits it; Docker Hub's app when the evidence names none usable. */
  static ImageRef ref(String image) {
    try {
      return ImageRef.parse(image);
    } catch (IllegalArgumentException e) {
      return ImageRef.parse("docker.io/library/app:1.0");
    }
  }

  /** The longest tail of {@code error}, clause by clause, that names no host, image or digest. */
  static String stableTail(String error) {
    String[] parts = error.split(": ");
    String tail = "";
    for (int i = parts.length - 1; i >= 0; i--) {
      String candidate = String.join(": ", java.util.Arrays.copyOfRange(parts, i, parts.length));
      if (!Normal.of(candidate).equals(candidate.strip().replaceAll("\\s+", " "))
          || candidate.contains("\"")) {
        break;
      }
      tail = candidate.strip();
    }
    return tail.length() >= 6 ? tail : "";
  }

  private static String name(String host) {
    String n = host.replaceAll("[:.]", "-").replaceAll("[^A-Za-z0-9_-]", "");
    if (n.startsWith("registry-1-docker-io")) {
      return "hub";
    }
    n = n.replaceAll("-\\d+$", "");
    String first = n.split("-")[0];
    return first.matches("[A-Za-z][A-Za-z0-9_]*") && !first.equals("tls")
        ? first
        : "r" + Math.abs(host.hashCode() % 1000);
  }

  private static String slug(String id) {
    return id.replaceAll("[^A-Za-z0-9]+", "-");
  }

  private static String relative(Path out, Path file) {
    Path dir = out.toAbsolutePath().normalize().getParent();
    Path abs = file.toAbsolutePath().normalize();
    return dir == null ? abs.toString() : dir.relativize(abs).toString().replace('\\', '/');
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }

  static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        default -> q.append(c < 0x20 ? ' ' : c);
      }
    }
    return q.append('"').toString();
  }
}
