package dev.pullproof.harness.scenario;

import dev.pullproof.registry.content.ImageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads {@code [registries.NAME]} tables: host, port, TLS, auth, images, faults, mirror. */
final class WorldParser {
  private final TableReader registries;

  WorldParser(TableReader registries) {
    this.registries = registries;
  }

  Map<String, RegistrySpec> registries() {
    Map<String, RegistrySpec> out = new LinkedHashMap<>();
    for (String name : registries.keys()) {
      registries.table(name).flatMap(t -> registry(name, t)).ifPresent(r -> out.put(name, r));
    }
    return out;
  }

  private Optional<RegistrySpec> registry(String name, TableReader t) {
    t.allowOnly("host", "port", "tls", "auth", "images", "faults", "mirror");
    Optional<String> host = t.string("host");
    int port = t.integer("port", 0, 65535).orElse(0L).intValue();
    Optional<TlsSpec> tls = tls(t);
    AuthSpec auth = auth(t);
    List<ImageEntry> images = images(t);
    List<FaultSpec> faults = new ArrayList<>();
    for (TableReader.Item item : t.items("faults")) {
      t.table(item).flatMap(this::fault).ifPresent(faults::add);
    }
    Optional<MirrorSpec> mirror = t.table("mirror").flatMap(this::mirror);
    return registries.convert(
        name, () -> new RegistrySpec(name, host, port, tls, auth, images, faults, mirror));
  }

  private Optional<TlsSpec> tls(TableReader t) {
    Optional<Object> raw = t.raw("tls");
    if (raw.isEmpty() || Boolean.FALSE.equals(raw.get())) {
      return Optional.empty();
    }
    if (Boolean.TRUE.equals(raw.get())) {
      return Optional.of(new TlsSpec("valid", false));
    }
    return t.table("tls", "true, false or a table such as { mode = \"valid\" }")
        .flatMap(
            tls -> {
              tls.allowOnly("mode", "client_certificates");
              String mode = tls.string("mode").orElse("valid");
              boolean mtls = tls.bool("client_certificates").orElse(false);
              if (!TlsSpec.MODES.contains(mode)) {
                tls.problem(
                    "mode",
                    "unknown TLS mode '"
                        + mode
                        + "'; known: "
                        + TlsSpec.MODES
                        + Suggestions.didYouMean(mode, TlsSpec.MODES));
                return Optional.empty();
              }
              return Optional.of(new TlsSpec(mode, mtls));
            });
  }

  private AuthSpec auth(TableReader t) {
    Optional<Object> raw = t.raw("auth");
    if (raw.isEmpty()) {
      return AuthSpec.NONE;
    }
    if (raw.get() instanceof String type) {
      return authType(t, "auth", type)
          .map(
              k ->
                  new AuthSpec(
                      k, Map.of(), List.of(), List.of(), Optional.empty(), Optional.empty()))
          .orElse(AuthSpec.NONE);
    }
    Optional<TableReader> table =
        t.table("auth", "\"none\", \"basic\", \"token\" or a table such as { type = \"basic\" }");
    if (table.isEmpty()) {
      return AuthSpec.NONE;
    }
    TableReader a = table.get();
    a.allowOnly("type", "users", "grants", "public", "service", "token_expires_in");
    Optional<AuthSpec.Type> type = a.requiredString("type").flatMap(s -> authType(a, "type", s));
    Map<String, String> users = new LinkedHashMap<>();
    a.table("users")
        .ifPresent(u -> u.keys().forEach(k -> u.string(k).ifPresent(p -> users.put(k, p))));
    List<GrantSpec> grants = new ArrayList<>();
    for (TableReader.Item item : a.items("grants")) {
      a.table(item)
          .ifPresent(
              g -> {
                g.allowOnly("user", "repository", "actions");
                Optional<String> user = g.requiredString("user");
                Optional<String> repo = g.requiredString("repository");
                List<String> actions = g.has("actions") ? g.strings("actions") : List.of("pull");
                if (user.isPresent() && repo.isPresent()) {
                  a.convert("grants", () -> new GrantSpec(user.get(), repo.get(), actions))
                      .ifPresent(grants::add);
                }
              });
    }
    List<String> publics = a.strings("public");
    Optional<String> service = a.string("service");
    Optional<Duration> expires = a.duration("token_expires_in");
    if (type.isEmpty()) {
      return AuthSpec.NONE;
    }
    return t.convert(
            "auth", () -> new AuthSpec(type.get(), users, grants, publics, service, expires))
        .orElse(AuthSpec.NONE);
  }

  private static Optional<AuthSpec.Type> authType(TableReader t, String key, String text) {
    List<String> known = List.of("none", "basic", "token");
    if (!known.contains(text)) {
      t.problem(
          key,
          "unknown auth type '"
              + text
              + "'; known: "
              + known
              + Suggestions.didYouMean(text, known));
      return Optional.empty();
    }
    return Optional.of(AuthSpec.Type.valueOf(text.toUpperCase(Locale.ROOT)));
  }

  private List<ImageEntry> images(TableReader t) {
    List<ImageEntry> images = new ArrayList<>();
    for (TableReader.Item item : t.items("images")) {
      if (item.value() instanceof String short_) {
        try {
          images.add(ImageEntry.parse(short_));
        } catch (IllegalArgumentException e) {
          t.problemAt(item, e.getMessage());
        }
        continue;
      }
      t.table(item).flatMap(this::image).ifPresent(images::add);
    }
    return images;
  }

  private Optional<ImageEntry> image(TableReader i) {
    i.allowOnly("name", "layers", "multi_arch", "format", "seed");
    Optional<ImageEntry> base =
        i.requiredString("name").flatMap(n -> i.convert("name", () -> ImageEntry.parse(n)));
    List<Long> layers = new ArrayList<>();
    for (TableReader.Item layer : i.items("layers")) {
      i.size(layer).ifPresent(layers::add);
    }
    boolean multiArch = i.bool("multi_arch").orElse(false);
    Optional<ImageFormat> format =
        i.string("format")
            .flatMap(
                f ->
                    i.convert(
                        "format",
                        () -> {
                          try {
                            return ImageFormat.valueOf(f.toUpperCase(Locale.ROOT));
                          } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException(
                                "format must be oci, docker or both, got '" + f + "'");
                          }
                        }));
    long seed = i.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE).orElse(0L);
    return base.flatMap(
        b ->
            i.convert(
                "name",
                () ->
                    new ImageEntry(
                        b.repository(),
                        b.tag(),
                        layers.isEmpty() ? b.layerSizes() : layers,
                        multiArch,
                        format.orElse(ImageFormat.OCI),
                        seed)));
  }

  private Optional<FaultSpec> fault(TableReader f) {
    f.allowOnly(
        "route", "method", "repository", "fault", "after", "times", "every", "probability", "seed");
    String route = f.string("route").orElse("any");
    if (!FaultSpec.ROUTES.contains(route)) {
      f.problem(
          "route",
          "unknown route '"
              + route
              + "'; known: "
              + FaultSpec.ROUTES
              + Suggestions.didYouMean(route, FaultSpec.ROUTES));
    }
    String method = f.string("method").orElse("*").toUpperCase(Locale.ROOT);
    String repository = f.string("repository").orElse("*");
    String[] kindAndArgument = faultKind(f);
    long after = f.integer("after", 0, Integer.MAX_VALUE).orElse(0L);
    long times = f.integer("times", 0, Integer.MAX_VALUE).orElse(0L);
    long every = f.integer("every", 1, Integer.MAX_VALUE).orElse(1L);
    double probability = f.number("probability").orElse(1.0);
    long seed = f.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE).orElse(0L);
    if (kindAndArgument == null || !FaultSpec.ROUTES.contains(route)) {
      return Optional.empty();
    }
    return f.convert(
        "fault",
        () ->
            new FaultSpec(
                route,
                method,
                repository,
                kindAndArgument[0],
                kindAndArgument[1],
                after,
                times,
                every,
                probability,
                seed));
  }

  /** {@code fault = "reset"} or {@code fault = { status = 503 }}: exactly one kind. */
  private static String[] faultKind(TableReader f) {
    Optional<Object> raw = f.raw("fault");
    if (raw.isEmpty()) {
      f.problems().add(f.line(), f.key("fault"), "is required, one of " + FaultSpec.KINDS);
      return null;
    }
    if (raw.get() instanceof String kind) {
      if (!FaultSpec.KINDS.contains(kind)) {
        f.problem("fault", unknownFault(kind));
        return null;
      }
      return new String[] {kind, ""};
    }
    Optional<TableReader> table = f.table("fault");
    if (table.isEmpty()) {
      return null;
    }
    List<String> keys = table.get().keys();
    if (keys.size() != 1) {
      f.problem("fault", "must name exactly one fault, e.g. { status = 503 }; got " + keys);
      return null;
    }
    String kind = keys.get(0);
    if (!FaultSpec.KINDS.contains(kind)) {
      table.get().problem(kind, unknownFault(kind));
      return null;
    }
    return new String[] {kind, String.valueOf(table.get().raw(kind).orElseThrow())};
  }

  private static String unknownFault(String kind) {
    return "unknown fault '"
        + kind
        + "'; known: "
        + FaultSpec.KINDS
        + Suggestions.didYouMean(kind, FaultSpec.KINDS);
  }

  private Optional<MirrorSpec> mirror(TableReader m) {
    m.allowOnly("of", "repositories", "manifests_only");
    Optional<String> upstream = m.requiredString("of");
    List<String> repos = m.strings("repositories");
    boolean manifestsOnly = m.bool("manifests_only").orElse(false);
    return upstream.flatMap(u -> m.convert("of", () -> new MirrorSpec(u, repos, manifestsOnly)));
  }

  /** Checks across registries: mirror upstreams exist, impersonated addresses are unique. */
  static final class Checks {
    private final TableReader root;
    private final Map<String, RegistrySpec> registries;

    Checks(TableReader root, Map<String, RegistrySpec> registries) {
      this.root = root;
      this.registries = registries;
    }

    void check() {
      Map<String, String> seen = new HashMap<>();
      TableReader all = root.table("registries").orElse(null);
      for (RegistrySpec r : registries.values()) {
        TableReader at = all.table(r.name()).orElseThrow();
        r.mirror()
            .ifPresent(
                m -> {
                  if (m.upstream().equals(r.name())) {
                    at.problem("mirror", "a registry cannot mirror itself");
                  } else if (!registries.containsKey(m.upstream())) {
                    at.problem(
                        "mirror",
                        "mirror of undefined registry '"
                            + m.upstream()
                            + "'; defined: "
                            + registries.keySet()
                            + Suggestions.didYouMean(m.upstream(), registries.keySet()));
                  }
                });
        if (r.host().isPresent()) {
          String address = r.host().get() + ":" + r.effectivePort();
          String other = seen.putIfAbsent(address, r.name());
          if (other != null) {
            at.problem(
                "host", "registries '" + other + "' and '" + r.name() + "' both are " + address);
          }
        }
      }
    }
  }
}
