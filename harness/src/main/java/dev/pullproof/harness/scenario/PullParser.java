package dev.pullproof.harness.scenario;

import dev.pullproof.harness.text.Suggestions;
import dev.pullproof.harness.toml.TomlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the {@code [[pull]]} tables: image, client, credentials, ctr flags, own expectations. */
final class PullParser {
  private final Path file;
  private final ExpectationParser expectations;
  private final Names names;

  PullParser(Path file, ExpectationParser expectations, Names names) {
    this.file = file;
    this.expectations = expectations;
    this.names = names;
  }

  List<PullSpec> pulls(TomlReader root, boolean required) {
    List<PullSpec> pulls = new ArrayList<>();
    if (!root.has("pull")) {
      if (required) {
        root.problems()
            .add(1, "pull", "is required: at least one [[pull]] with an image (or an [[observe]])");
      }
      return pulls;
    }
    for (TomlReader.Item item : root.items("pull")) {
      root.table(item).flatMap(this::pull).ifPresent(pulls::add);
    }
    return pulls;
  }

  private Optional<PullSpec> pull(TomlReader p) {
    p.allowOnly("image", "via", "secret", "credential_provider", "ctr", "expect");
    Optional<String> image = p.requiredString("image");
    image.ifPresent(i -> names.placeholders(p, "image", i));
    Via via = Via.CRI;
    Optional<String> viaText = p.string("via");
    if (viaText.isPresent()) {
      switch (viaText.get()) {
        case "cri" -> via = Via.CRI;
        case "ctr" -> via = Via.CTR;
        default ->
            p.problem(
                "via",
                "must be \"cri\" or \"ctr\", got '"
                    + viaText.get()
                    + "'"
                    + Suggestions.didYouMean(viaText.get(), List.of("cri", "ctr")));
      }
    }
    PullAuth auth = PullAuth.NONE;
    if (p.has("secret") && p.has("credential_provider")) {
      p.problem("credential_provider", "a pull takes a secret or a credential_provider, not both");
    } else if (p.has("secret")) {
      auth = p.table("secret").flatMap(PullParser::secret).orElse(PullAuth.NONE);
    } else if (p.has("credential_provider")) {
      auth = p.table("credential_provider").flatMap(this::provider).orElse(PullAuth.NONE);
    }
    if (via == Via.CTR && auth instanceof PullAuth.PullSecret secret && secret.hasTokens()) {
      p.problem(
          "secret",
          "ctr --user sends a username and password only: auth, identity_token and"
              + " registry_token need a CRI pull (via = \"cri\")");
    }
    CtrOptions ctr = CtrOptions.DEFAULT;
    if (p.has("ctr")) {
      if (via != Via.CTR) {
        p.problem("ctr", "ctr flags apply only to via = \"ctr\"");
      }
      ctr = p.table("ctr").flatMap(PullParser::ctr).orElse(CtrOptions.DEFAULT);
    }
    ExpectationSet expect =
        p.table("expect").map(expectations::pullSet).orElse(ExpectationSet.NONE);
    Via client = via;
    PullAuth credentials = auth;
    CtrOptions flags = ctr;
    return image.flatMap(
        i -> p.convert("image", () -> new PullSpec(i, client, credentials, flags, expect)));
  }

  /**
   * A pull secret's fields, as CRI {@code AuthConfig} carries them: username and password (each
   * needs the other), {@code auth}, {@code identity_token}, {@code registry_token}. {@code auth} is
   * sent as written: a malformed one is a scenario too.
   */
  private static Optional<PullAuth> secret(TomlReader s) {
    s.allowOnly("username", "password", "auth", "identity_token", "registry_token");
    Optional<String> auth = s.string("auth");
    Optional<String> identity = s.string("identity_token");
    Optional<String> registry = s.string("registry_token");
    boolean tokens = auth.isPresent() || identity.isPresent() || registry.isPresent();
    Optional<String> user;
    Optional<String> password;
    if (tokens && !s.has("username") && !s.has("password")) {
      user = Optional.of("");
      password = Optional.of("");
    } else {
      user = s.requiredString("username");
      password = s.requiredString("password");
    }
    if (user.isEmpty() || password.isEmpty()) {
      return Optional.empty();
    }
    return s.convert(
        "username",
        () ->
            new PullAuth.PullSecret(
                user.get(),
                password.get(),
                auth.orElse(""),
                identity.orElse(""),
                registry.orElse("")));
  }

  private Optional<PullAuth> provider(TomlReader c) {
    c.allowOnly("match_images", "default_cache_duration", "script", "script_file");
    List<String> match = c.strings("match_images");
    if (!c.has("match_images")) {
      c.problems().add(c.line(), c.key("match_images"), "is required, e.g. [\"*.example.com\"]");
    }
    Duration cache = c.duration("default_cache_duration").orElse(Duration.ZERO);
    Optional<ContainerdFile> script = Optional.empty();
    if (c.has("script") == c.has("script_file")) {
      c.problems()
          .add(c.line(), c.key("script"), "give the helper's script as script or script_file");
    } else if (c.has("script")) {
      script =
          c.string("script")
              .map(s -> new ContainerdFile("helper-script", s, ContainerdFile.INLINE));
    } else {
      Optional<String> name = c.string("script_file");
      if (name.isPresent()) {
        Path source = file.toAbsolutePath().getParent().resolve(name.get()).normalize();
        try {
          script =
              Optional.of(
                  new ContainerdFile("helper-script", Files.readString(source), name.get()));
        } catch (IOException e) {
          c.problem("script_file", "cannot read " + source + ": " + e.getMessage());
        }
      }
    }
    Optional<ContainerdFile> helper = script;
    if (match.isEmpty() || helper.isEmpty()) {
      return Optional.empty();
    }
    return c.convert(
        "match_images", () -> new PullAuth.CredentialProvider(match, cache, helper.get()));
  }

  private static Optional<CtrOptions> ctr(TomlReader c) {
    c.allowOnly("hosts_dir", "plain_http", "local");
    String hostsDir = c.string("hosts_dir").orElse(CtrOptions.DEFAULT_HOSTS_DIR);
    boolean plain = c.bool("plain_http").orElse(false);
    Optional<Boolean> local = c.bool("local");
    return c.convert("hosts_dir", () -> new CtrOptions(hostsDir, plain, local));
  }
}
