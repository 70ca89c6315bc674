package dev.pullproof.registry.hub;

import dev.pullproof.registry.auth.Grants;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import io.undertow.server.HandlerWrapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Docker Hub's registry behaviour as configuration: token auth under Hub's service name with
 * anonymous tokens for public repositories, and its pull rate limit. A manifest GET counts as a
 * pull and a HEAD does not; both carry {@code ratelimit-limit}, {@code ratelimit-remaining} ({@code
 * N;w=SECONDS}) and {@code docker-ratelimit-source}. Past the limit a manifest GET gets 429
 * TOOMANYREQUESTS with the pull-rate-limit message. Separately, an abuse limit answers any request
 * beyond it with a bare 429. Limits count per client: the user, or the source address when
 * anonymous, over a sliding window. Every number is the caller's: Hub changes them over time.
 *
 * @see <a href="https://docs.docker.com/docker-hub/usage/pulls/">Docker Hub pull usage and
 *     limits</a>
 */
public final class DockerHub {
  /** Hub's message, without the link to its pricing page that the real one ends with. */
  public static final String DEFAULT_MESSAGE =
      "You have reached your pull rate limit. You may increase the limit by authenticating and"
          + " upgrading";

  private final TokenService tokens;
  private final Users users;
  private final Grants grants;
  private final RateLimits limits;

  private DockerHub(Builder b) {
    this.tokens = b.tokens != null ? b.tokens : TokenService.builder().service(b.service).build();
    this.users = b.users;
    Grants.Builder grants = Grants.builder();
    (b.publicRepositories.isEmpty() ? List.of("*") : b.publicRepositories)
        .forEach(grants::publicRepository);
    this.grants = grants.build();
    this.limits =
        new RateLimits(
            b.anonymousLimit,
            b.authenticatedLimit,
            b.window,
            b.abuseLimit,
            b.abuseWindow,
            b.message,
            b.retryAfter);
  }

  public static Builder builder() {
    return new Builder();
  }

  public TokenService tokens() {
    return tokens;
  }

  public Users users() {
    return users;
  }

  public Grants grants() {
    return grants;
  }

  public RateLimits limits() {
    return limits;
  }

  /** The abuse-limit step of the handler chain, in front of authentication. */
  public HandlerWrapper abuseLimit(Clock clock) {
    return next -> new AbuseLimitHandler(limits, clock, next);
  }

  /** The pull-limit step of the handler chain, behind authentication. */
  public HandlerWrapper pullLimit(Clock clock) {
    return next -> new PullLimitHandler(limits, clock, next);
  }

  /**
   * Collects the configuration; without {@link #pullLimit} no limit applies and no headers show.
   */
  public static final class Builder {
    private String service = "registry.docker.io";
    private TokenService tokens;
    private Users users = Users.none();
    private final List<String> publicRepositories = new ArrayList<>();
    private int anonymousLimit = RateLimits.UNLIMITED;
    private int authenticatedLimit = RateLimits.UNLIMITED;
    private Duration window = Duration.ofHours(6);
    private int abuseLimit = RateLimits.UNLIMITED;
    private Duration abuseWindow = Duration.ofMinutes(1);
    private String message = DEFAULT_MESSAGE;
    private Duration retryAfter;

    private Builder() {}

    /** The token service name clients must ask for (Hub's by default). */
    public Builder service(String service) {
      this.service = service;
      return this;
    }

    /** A token service of one's own (key, expiry, clock); overrides {@link #service}. */
    public Builder tokens(TokenService tokens) {
      this.tokens = tokens;
      return this;
    }

    public Builder users(Users users) {
      this.users = users;
      return this;
    }

    /** Repositories anonymous clients may pull (repeatable); every one when none is given. */
    public Builder publicRepository(String glob) {
      publicRepositories.add(glob);
      return this;
    }

    /** Manifest GETs allowed per client within {@code window}, for anonymous and signed-in. */
    public Builder pullLimit(int anonymous, int authenticated, Duration window) {
      this.anonymousLimit = anonymous;
      this.authenticatedLimit = authenticated;
      this.window = window;
      return this;
    }

    /** Requests of any kind per source address within {@code window}; beyond, a bare 429. */
    public Builder abuseLimit(int requests, Duration window) {
      this.abuseLimit = requests;
      this.abuseWindow = window;
      return this;
    }

    /** The TOOMANYREQUESTS message, e.g. Hub's exact text including its link. */
    public Builder message(String message) {
      this.message = message;
      return this;
    }

    /**
     * Adds {@code Retry-After} (whole seconds) to both kinds of 429; absent by default. Clients
     * that honour it (containers/image: skopeo, podman) retry after it instead of backing off.
     */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    public DockerHub build() {
      return new DockerHub(this);
    }
  }
}
