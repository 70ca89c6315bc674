package dev.pullproof.registry.mirror;

import dev.pullproof.registry.content.RegistryContent;
import dev.pullproof.registry.protocol.RepositoryName;
import io.undertow.server.HandlerWrapper;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * What a pull-through mirror mirrors: the upstream registry's URL, the credentials the mirror uses
 * there (none: anonymous), the CA it trusts for an HTTPS upstream, which repositories it mirrors
 * (globs; {@code *} matches any run of characters including '/') and whether it carries blobs.
 * Immutable; the {@code with} methods return changed copies.
 *
 * <pre>{@code
 * MirrorConfig.of(hub.url()).withCredentials("mirror", "s3cret").withRepositories("library/*");
 * MirrorConfig.of(hub.url()).carrying(MirrorConfig.Carries.MANIFESTS_ONLY);
 * }</pre>
 */
public final class MirrorConfig {
  private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9._/*-]+");

  /** How much of the upstream a mirror carries. */
  public enum Carries {
    MANIFESTS_AND_BLOBS,
    /** Manifests only: every blob it does not already hold is BLOB_UNKNOWN. */
    MANIFESTS_ONLY
  }

  private final URI upstream;
  private final String username;
  private final String password;
  private final SSLContext trust;
  private final List<String> repositories;
  private final Carries carries;

  private MirrorConfig(
      URI upstream,
      String username,
      String password,
      SSLContext trust,
      List<String> repositories,
      Carries carries) {
    this.upstream = upstream;
    this.username = username;
    this.password = password;
    this.trust = trust;
    this.repositories = List.copyOf(repositories);
    this.carries = carries;
  }

  /** Mirrors everything from {@code upstreamUrl} ({@code http(s)://host:port}), anonymously. */
  public static MirrorConfig of(String upstreamUrl) {
    URI uri;
    try {
      uri = URI.create(upstreamUrl == null ? "" : upstreamUrl.replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mirror upstream is not a URL: " + upstreamUrl);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "mirror upstream must be http(s)://host[:port], got '" + upstreamUrl + "'");
    }
    return new MirrorConfig(uri, null, null, null, List.of("*"), Carries.MANIFESTS_AND_BLOBS);
  }

  /** The account the mirror uses at the upstream (Basic auth, or the token request's). */
  public MirrorConfig withCredentials(String newUsername, String newPassword) {
    if (newUsername == null || newUsername.isEmpty() || newPassword == null) {
      throw new IllegalArgumentException("mirror credentials: username and password are required");
    }
    return new MirrorConfig(upstream, newUsername, newPassword, trust, repositories, carries);
  }

  /** The TLS context for an HTTPS upstream (e.g. one trusting the run's CA). */
  public MirrorConfig trusting(SSLContext context) {
    if (context == null) {
      throw new IllegalArgumentException("mirror trust: an SSLContext is required");
    }
    return new MirrorConfig(upstream, username, password, context, repositories, carries);
  }

  /** Mirrors only repositories matching one of these globs; others are NAME_UNKNOWN. */
  public MirrorConfig withRepositories(String... globs) {
    if (globs.length == 0) {
      throw new IllegalArgumentException("mirror repositories: give at least one glob");
    }
    for (String glob : globs) {
      if (glob == null || !GLOB.matcher(glob).matches()) {
        throw new IllegalArgumentException(
            "mirror repositories: glob must match " + GLOB + ", got '" + glob + "'");
      }
    }
    return new MirrorConfig(upstream, username, password, trust, List.of(globs), carries);
  }

  public MirrorConfig carrying(Carries newCarries) {
    if (newCarries == null) {
      throw new IllegalArgumentException("mirror carries: a value is required");
    }
    return new MirrorConfig(upstream, username, password, trust, repositories, newCarries);
  }

  public URI upstream() {
    return upstream;
  }

  String username() {
    return username;
  }

  String password() {
    return password;
  }

  SSLContext trust() {
    return trust;
  }

  public List<String> repositories() {
    return repositories;
  }

  public Carries carries() {
    return carries;
  }

  /**
   * The mirror's step of the handler chain, behind authentication: fills {@code content} from the
   * upstream before the endpoint reads it.
   */
  public HandlerWrapper pullThrough(RegistryContent content) {
    return next -> new PullThrough(this, content, next);
  }

  /** Whether the mirror fetches this repository from its upstream. */
  public boolean mirrors(RepositoryName repository) {
    return repositories.stream().anyMatch(glob -> matches(glob, repository.value()));
  }

  private static boolean matches(String glob, String name) {
    StringBuilder regex = new StringBuilder();
    String[] literals = glob.split("\\*", -1);
    for (int i = 0; i < literals.length; i++) {
      regex.append(i == 0 ? "" : ".*").append(Pattern.quote(literals[i]));
    }
    return Pattern.matches(regex.toString(), name);
  }

  @Override
  public String toString() {
    return "MirrorConfig["
        + upstream
        + (username == null ? ", anonymous" : ", as " + username)
        + ", "
        + repositories
        + ", "
        + carries
        + "]";
  }
}
