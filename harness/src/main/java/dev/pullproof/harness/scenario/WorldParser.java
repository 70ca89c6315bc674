package dev.pullproof.harness.scenario;

import dev.pullproof.harness.text.Suggestions;
import dev.pullproof.harness.toml.TomlReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads {@code [registries.NAME]} tables: host, port, TLS, auth, images, faults, mirror, timeouts
 * and manifest lenience.
 */
final class WorldParser {
  private final TomlReader registries;
  private final Path base;

  /**
   * @param base the directory of the file being read: {@code replay} paths are relative to it
   */
  WorldParser(TomlReader registries, Path base) {
    this.registries = registries;
    this.base = base;
  }

  Map<String, RegistrySpec> registries() {
    Map<String, RegistrySpec> out = new LinkedHashMap<>();
    for (String name : registries.keys()) {
      registries.table(name).flatMap(t -> registry(name, t)).ifPresent(r -> out.put(name, r));
    }
    return out;
  }

  /** Keys a down host may not have: it serves nothing. */
  private static final List<String> SERVING =
      List.of(
          "auth",
          "images",
          "faults",
          "mirror_of",
          "docker_hub",
          "header_timeout",
          "idle_timeout",
          "lenient_manifests",
          "wrong_protocol",
          "journal_capacity",
          "replay",
          "unrecorded");

  /** Every key a host may have: where it is, whether it is down, and what it serves. */
  private static final String[] KEYS =
      Stream.concat(Stream.of("host", "port", "tls", "down"), SERVING.stream())
          .toArray(String[]::new);

  private Optional<RegistrySpec> registry(String name, TomlReader t) {
    t.allowOnly(KEYS);
    if (name.equals(Template.TLS)) {
      registries.problem(name, "'tls' is reserved for the {{tls.*}} placeholders; rename it");
    }
    Optional<String> host = t.string("host");
    int port = t.integer("port", 0, 65535).orElse(0L).intValue();
    Optional<TlsSpec> tls = tls(t);
    AuthSpec auth = auth(t);
    List<ImageEntry> images = images(t);
    List<FaultSpec> faults = new ArrayList<>();
    FaultParser faultParser = new FaultParser();
    for (TomlReader.Item item : t.items("faults")) {
      t.table(item).flatMap(faultParser::fault).ifPresent(faults::add);
    }
    Optional<MirrorSpec> mirror = mirror(t);
    Optional<DockerHubSpec> hub = dockerHub(t);
    if (hub.isPresent()
        && (auth.type() == AuthSpec.Type.BASIC
            || (t.has("auth") && auth.type() == AuthSpec.Type.NONE))) {
      t.problem("docker_hub", "Docker Hub serves token auth; make auth \"token\" or leave it out");
      return Optional.empty();
    }
    Optional<ServerSpec> server = server(t);
    Optional<Down> down = down(t);
    if (down.isEmpty() && t.has("down")) {
      return Optional.empty();
    }
    Optional<Optional<ReplaySpec>> replay = replay(t);
    if (replay.isEmpty()) {
      return Optional.empty();
    }
    if (server.isEmpty() || (down.isPresent() && SERVING.stream().anyMatch(t::has))) {
      return Optional.empty();
    }
    return registries.convert(
        name,
        () ->
            new RegistrySpec(
                name,
                host,
                port,
                tls,
                auth,
                images,
                faults,
                mirror,
                hub,
                down,
                server.get(),
                replay.get()));
  }

  /**
   * {@code replay = "DIR"} (relative to the file) and {@code unrecorded = "not-found" | "fail"};
   * empty when either is wrong (the problem is reported).
   */
  private Optional<Optional<ReplaySpec>> replay(TomlReader t) {
    Optional<String> dir = t.string("replay");
    Optional<String> unrecordedText = t.string("unrecorded");
    if (dir.isEmpty()) {
      if (unrecordedText.isPresent()) {
        t.problem("unrecorded", "unrecorded applies to a replayed host only: add replay = \"DIR\"");
        return Optional.empty();
      }
      return t.has("replay") ? Optional.empty() : Optional.of(Optional.empty());
    }
    Optional<ReplaySpec.Unrecorded> unrecorded =
        unrecordedText
            .map(u -> ReplaySpec.Unrecorded.of(u))
            .orElse(Optional.of(ReplaySpec.Unrecorded.NOT_FOUND));
    if (unrecorded.isEmpty()) {
      t.problem(
          "unrecorded",
          "unknown policy '"
              + unrecordedText.get()
              + "'; known: "
              + ReplaySpec.Unrecorded.LABELS
              + Suggestions.didYouMean(unrecordedText.get(), ReplaySpec.Unrecorded.LABELS));
      return Optional.empty();
    }
    Path directory = base.resolve(dir.get()).toAbsolutePath().normalize();
    return t.convert("replay", () -> new ReplaySpec(directory, unrecorded.get())).map(Optional::of);
  }

  /**
   * {@code header_timeout}, {@code idle_timeout} (positive durations), {@code lenient_manifests},
   * {@code wrong_protocol}, {@code journal_capacity} (at least 1).
   */
  private static Optional<ServerSpec> server(TomlReader t) {
    Optional<Duration> header = positive(t, "header_timeout");
    Optional<Duration> idle = positive(t, "idle_timeout");
    boolean lenient = t.bool("lenient_manifests").orElse(true);
    Optional<String> wrongText = t.string("wrong_protocol");
    Optional<WrongProtocol> wrong = wrongText.flatMap(WrongProtocol::of);
    if (wrongText.isPresent() && wrong.isEmpty()) {
      t.problem(
          "wrong_protocol",
          "unknown reply '"
              + wrongText.get()
              + "'; known: "
              + WrongProtocol.LABELS
              + Suggestions.didYouMean(wrongText.get(), WrongProtocol.LABELS));
    }
    Optional<Integer> capacity =
        t.integer("journal_capacity", 1, Integer.MAX_VALUE).map(Long::intValue);
    if ((t.has("header_timeout") && header.isEmpty())
        || (t.has("idle_timeout") && idle.isEmpty())
        || (wrongText.isPresent() && wrong.isEmpty())
        || (t.has("journal_capacity") && capacity.isEmpty())) {
      return Optional.empty();
    }
    return t.convert(
        "header_timeout", () -> new ServerSpec(header, idle, lenient, wrong, capacity));
  }

  private static Optional<Duration> positive(TomlReader t, String key) {
    Optional<Duration> d = t.duration(key);
    if (d.isPresent() && (d.get().isZero() || d.get().isNegative())) {
      t.problem(key, key + " must be a positive duration such as \"10s\", got " + t.raw(key).get());
      return Optional.empty();
    }
    if (d.isPresent() && d.get().toMillis() > Integer.MAX_VALUE) {
      t.problem(key, key + " must be under 24 days, got " + t.raw(key).get());
      return Optional.empty();
    }
    return d;
  }

  private Optional<TlsSpec> tls(TomlReader t) {
    Optional<Object> raw = t.raw("tls");
    if (raw.isEmpty() || Boolean.FALSE.equals(raw.get())) {
      return Optional.empty();
    }
    if (Boolean.TRUE.equals(raw.get())) {
      return Optional.of(new TlsSpec(TlsSpec.Mode.VALID, false));
    }
    return t.table("tls", "true, false or a table such as { mode = \"valid\" }")
        .flatMap(
            tls -> {
              tls.allowOnly("mode", "client_certificates", "system_trust");
              String mode = tls.string("mode").orElse("valid");
              boolean mtls = tls.bool("client_certificates").orElse(false);
              boolean systemTrust = tls.bool("system_trust").orElse(true);
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
              return Optional.of(
                  new TlsSpec(TlsSpec.Mode.of(mode).orElseThrow(), mtls, systemTrust));
            });
  }

  private AuthSpec auth(TomlReader t) {
    Optional<Object> raw = t.raw("auth");
    if (raw.isEmpty()) {
      return AuthSpec.NONE;
    }
    if (raw.get() instanceof String type) {
      return authType(t, "auth", type)
          .map(
              k ->
                  new AuthSpec(
                      k,
                      Map.of(),
                      List.of(),
                      List.of(),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      AuthSpec.TokenPolicy.DEFAULT))
          .orElse(AuthSpec.NONE);
    }
    Optional<TomlReader> table =
        t.table("auth", "\"none\", \"basic\", \"token\" or a table such as { type = \"basic\" }");
    if (table.isEmpty()) {
      return AuthSpec.NONE;
    }
    TomlReader a = table.get();
    a.allowOnly(
        "type",
        "users",
        "grants",
        "public",
        "service",
        "token_expires_in",
        "realm",
        "anonymous_tokens",
        "send_expires_in",
        "identity_tokens",
        "registry_tokens");
    Optional<AuthSpec.Type> type = a.requiredString("type").flatMap(s -> authType(a, "type", s));
    Map<String, String> users = stringMap(a, "users");
    List<GrantSpec> grants = new ArrayList<>();
    for (TomlReader.Item item : a.items("grants")) {
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
    Optional<String> realm = a.string("realm").filter(r -> tokenRealm(a, type));
    AuthSpec.TokenPolicy policy =
        new AuthSpec.TokenPolicy(
            a.bool("anonymous_tokens").orElse(true),
            a.bool("send_expires_in").orElse(true),
            stringMap(a, "identity_tokens"),
            stringMap(a, "registry_tokens"));
    if (type.isEmpty()) {
      return AuthSpec.NONE;
    }
    return t.convert(
            "auth",
            () -> new AuthSpec(type.get(), users, grants, publics, service, expires, realm, policy))
        .orElse(AuthSpec.NONE);
  }

  /** {@code { KEY = "VALUE" }}, e.g. a token to the user it stands for. */
  private static Map<String, String> stringMap(TomlReader a, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    a.table(key).ifPresent(m -> m.keys().forEach(k -> m.string(k).ifPresent(v -> out.put(k, v))));
    return out;
  }

  /** Whether a realm may be given: only token auth sends clients to one. */
  private static boolean tokenRealm(TomlReader a, Optional<AuthSpec.Type> type) {
    if (type.isPresent() && type.get() != AuthSpec.Type.TOKEN) {
      a.problem(
          "realm", "a realm is where bearer challenges send clients: it needs type = \"token\"");
      return false;
    }
    return true;
  }

  private static Optional<AuthSpec.Type> authType(TomlReader t, String key, String text) {
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

  private List<ImageEntry> images(TomlReader t) {
    List<ImageEntry> images = new ArrayList<>();
    for (TomlReader.Item item : t.items("images")) {
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

  private Optional<ImageEntry> image(TomlReader i) {
    i.allowOnly("name", "layers", "multi_arch", "format", "seed");
    Optional<ImageEntry> base =
        i.requiredString("name").flatMap(n -> i.convert("name", () -> ImageEntry.parse(n)));
    List<Long> layers = new ArrayList<>();
    for (TomlReader.Item layer : i.items("layers")) {
      i.size(layer).ifPresent(layers::add);
    }
    boolean multiArch = i.bool("multi_arch").orElse(false);
    Optional<ImageEntry.Format> format =
        i.string("format")
            .flatMap(
                f ->
                    i.convert(
                        "format",
                        () -> {
                          try {
                            return ImageEntry.Format.valueOf(f.toUpperCase(Locale.ROOT));
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
                        format.orElse(ImageEntry.Format.OCI),
                        seed)));
  }

  /** {@code mirror_of = "hub"} or {@code mirror_of = { registry = "hub", ... }}. */
  private static Optional<MirrorSpec> mirror(TomlReader t) {
    Optional<Object> raw = t.raw("mirror_of");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    if (raw.get() instanceof String upstream) {
      return t.convert(
          "mirror_of", () -> new MirrorSpec(upstream, List.of(), false, Optional.empty()));
    }
    return t.table("mirror_of", "a registry name or a table such as { registry = \"hub\" }")
        .flatMap(
            m -> {
              m.allowOnly("registry", "repositories", "manifests_only", "credentials");
              Optional<String> upstream = m.requiredString("registry");
              List<String> repos = m.strings("repositories");
              boolean manifestsOnly = m.bool("manifests_only").orElse(false);
              Optional<PullAuth.PullSecret> credentials =
                  m.table("credentials")
                      .flatMap(
                          c -> {
                            c.allowOnly("username", "password");
                            Optional<String> user = c.requiredString("username");
                            Optional<String> password = c.requiredString("password");
                            return user.flatMap(
                                u ->
                                    password.flatMap(
                                        pw ->
                                            c.convert(
                                                "username", () -> new PullAuth.PullSecret(u, pw))));
                          });
              return upstream.flatMap(
                  u ->
                      m.convert(
                          "registry", () -> new MirrorSpec(u, repos, manifestsOnly, credentials)));
            });
  }

  /** {@code docker_hub = true} or a table of limits. */
  private static Optional<DockerHubSpec> dockerHub(TomlReader t) {
    Optional<Object> raw = t.raw("docker_hub");
    if (raw.isEmpty() || Boolean.FALSE.equals(raw.get())) {
      return Optional.empty();
    }
    if (Boolean.TRUE.equals(raw.get())) {
      return Optional.of(DockerHubSpec.DEFAULTS);
    }
    return t.table("docker_hub", "true or a table such as { anonymous_limit = 100 }")
        .flatMap(
            h -> {
              h.allowOnly(
                  "anonymous_limit",
                  "authenticated_limit",
                  "window",
                  "abuse_limit",
                  "abuse_window",
                  "retry_after",
                  "message");
              Optional<Integer> anonymous = limit(h, "anonymous_limit");
              Optional<Integer> authenticated = limit(h, "authenticated_limit");
              Duration window = h.duration("window").orElse(DockerHubSpec.DEFAULTS.window());
              Optional<Integer> abuse = limit(h, "abuse_limit");
              Duration abuseWindow =
                  h.duration("abuse_window").orElse(DockerHubSpec.DEFAULTS.abuseWindow());
              Optional<Duration> retryAfter = h.duration("retry_after");
              Optional<String> message = h.string("message");
              return h.convert(
                  "window",
                  () ->
                      new DockerHubSpec(
                          anonymous,
                          authenticated,
                          window,
                          abuse,
                          abuseWindow,
                          retryAfter,
                          message));
            });
  }

  private static Optional<Integer> limit(TomlReader h, String key) {
    return h.integer(key, 0, Integer.MAX_VALUE).map(Long::intValue);
  }

  private static Optional<Down> down(TomlReader t) {
    return t.string("down")
        .flatMap(
            d -> {
              List<String> known = List.of("refused", "eof", "reset");
              if (!known.contains(d)) {
                t.problem("down", FaultParser.unknown("down mode", d, known));
                return Optional.empty();
              }
              for (String key : SERVING) {
                if (t.has(key)) {
                  t.problem(key, "a down host serves nothing: remove '" + key + "' or 'down'");
                }
              }
              return Optional.of(Down.valueOf(d.toUpperCase(Locale.ROOT)));
            });
  }
}
