package dev.pullproof.registry.auth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who may do what: per-user rules (repository glob to actions) and public repositories that anyone,
 * even an anonymous client, may pull (as on Docker Hub).
 *
 * <p>Until at least one user rule is added, every authenticated user may pull, push and delete in
 * every repository and list the catalog; anonymous clients get only public pulls. In a glob, {@code
 * *} matches any run of characters including '/', so {@code library/*} covers {@code library/a/b}.
 *
 * @see <a
 *     href="https://github.com/distribution/distribution/blob/main/docs/content/spec/auth/token.md#requesting-a-token">the
 *     intersection rule</a>
 */
public final class Grants {
  /** A rule's user that matches every authenticated user (not anonymous clients). */
  public static final String ANY_USER = "*";

  private static final Set<String> ACTIONS = Set.of("pull", "push", "delete", "*");
  private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9._/:*-]+");
  private static final List<Rule> DEFAULT_RULES =
      List.of(
          new Rule(ANY_USER, "repository", "*", Set.of("pull", "push", "delete")),
          new Rule(ANY_USER, "registry", "catalog", Set.of("*")));

  private final List<Rule> rules;
  private final List<String> publicRepositories;

  private Grants(List<Rule> rules, List<String> publicRepositories) {
    this.rules = rules.isEmpty() ? DEFAULT_RULES : List.copyOf(rules);
    this.publicRepositories = List.copyOf(publicRepositories);
  }

  /** No rules and no public repositories: the defaults described above. */
  public static Grants defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * What the client gets of what it asked for: the intersection of the requested actions with the
   * granted ones. A partial or empty grant is not an error; an empty one is a scope without
   * actions.
   *
   * @param subject the authenticated username, or null for an anonymous client
   */
  public Scope granted(String subject, Scope requested) {
    Set<String> allowed = new HashSet<>();
    if (requested.type().equals("repository") && isPublic(requested.name())) {
      allowed.add("pull");
    }
    if (subject != null) {
      for (Rule rule : rules) {
        if (rule.matches(subject, requested)) {
          allowed.addAll(rule.actions());
        }
      }
    }
    if (allowed.contains("*")) {
      return requested;
    }
    Set<String> kept = new TreeSet<>(requested.actions());
    kept.retainAll(allowed);
    return requested.withActions(kept);
  }

  /** True when anyone may pull the repository. */
  public boolean isPublic(String repository) {
    return publicRepositories.stream().anyMatch(glob -> matches(glob, repository));
  }

  private static boolean matches(String glob, String name) {
    StringBuilder regex = new StringBuilder();
    for (String literal : glob.split("\\*", -1)) {
      regex.append(regex.length() == 0 ? "" : ".*").append(Pattern.quote(literal));
    }
    return Pattern.matches(regex.toString(), name);
  }

  private static String checkGlob(String glob) {
    if (glob == null || !GLOB.matcher(glob).matches()) {
      throw new IllegalArgumentException("repository glob must match " + GLOB + ": " + glob);
    }
    return glob;
  }

  /** One rule: the user may perform the actions on resources of the type whose name matches. */
  private record Rule(String user, String type, String glob, Set<String> actions) {
    Rule {
      if (user == null || user.isEmpty()) {
        throw new IllegalArgumentException("rule user is required");
      }
      checkGlob(glob);
      if (actions.isEmpty() || !ACTIONS.containsAll(actions)) {
        throw new IllegalArgumentException(
            "rule actions must be some of " + ACTIONS + ": " + actions);
      }
      actions = Set.copyOf(actions);
    }

    boolean matches(String subject, Scope scope) {
      return (user.equals(ANY_USER) || user.equals(subject))
          && type.equals(scope.type())
          && Grants.matches(glob, scope.name());
    }
  }

  /** Collects rules; each call adds to what earlier calls allowed. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();
    private final List<String> publicRepositories = new ArrayList<>();

    private Builder() {}

    /**
     * Lets {@code user} (or {@link #ANY_USER}) perform {@code actions} (pull, push, delete, *) on
     * repositories matching the glob.
     */
    public Builder allow(String user, String repositoryGlob, String... actions) {
      rules.add(new Rule(user, "repository", repositoryGlob, Set.of(actions)));
      return this;
    }

    /** Lets {@code user} (or {@link #ANY_USER}) list the catalog ({@code registry:catalog:*}). */
    public Builder allowCatalog(String user) {
      rules.add(new Rule(user, "registry", "catalog", Set.of("*")));
      return this;
    }

    /** Lets anyone, anonymous clients included, pull repositories matching the glob. */
    public Builder publicRepository(String repositoryGlob) {
      publicRepositories.add(checkGlob(repositoryGlob));
      return this;
    }

    public Grants build() {
      return new Grants(rules, publicRepositories);
    }
  }
}
