package dev.pullproof.registry.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One resource scope, {@code type:name:action[,action]}: {@code repository:library/app:pull,push},
 * {@code registry:catalog:*}. Actions are kept sorted so formatting is stable; a scope with no
 * actions is a grant of nothing.
 *
 * <p>A malformed scope is a 400 RegistryException (see {@link BadRequest}).
 *
 * @see <a
 *     href="https://github.com/distribution/distribution/blob/main/docs/content/spec/auth/scope.md">scope
 *     grammar</a>
 */
public record Scope(String type, String name, SortedSet<String> actions) {
  private static final Pattern TYPE = Pattern.compile("[a-z0-9]+(?:\\([a-z0-9]+\\))?");
  private static final String HOST_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  // The scope doc writes the separator as [-]*; the reference grammar's [-]+ is the same language
  // without the empty alternative, which would make this pattern backtrack exponentially.
  private static final String COMPONENT = "[a-z0-9]+(?:(?:[_.]|__|-+)[a-z0-9]+)*";
  private static final Pattern NAME =
      Pattern.compile(
          "(?:"
              + HOST_COMPONENT
              + "(?:\\."
              + HOST_COMPONENT
              + ")*(?::[0-9]+)?/)?"
              + COMPONENT
              + "(?:/"
              + COMPONENT
              + ")*");
  private static final Pattern ACTION = Pattern.compile("[a-z*]+");
  private static final int MAX_LENGTH = 1024;

  public Scope {
    if (type == null || !TYPE.matcher(type).matches()) {
      throw BadRequest.invalidScope("scope type '" + type + "' must match [a-z0-9]+ (class)");
    }
    if (name == null || name.length() > 255 || !NAME.matcher(name).matches()) {
      throw BadRequest.invalidScope(
          "scope name '" + name + "' must be [hostname[:port]/]component[/component]*");
    }
    if (actions == null) {
      throw BadRequest.invalidScope("scope actions are required");
    }
    for (String action : actions) {
      if (action == null || !ACTION.matcher(action).matches()) {
        throw BadRequest.invalidScope("scope action '" + action + "' must match [a-z*]+");
      }
    }
    actions = Collections.unmodifiableSortedSet(new TreeSet<>(actions));
  }

  /** A scope with the given actions (in any order). */
  public static Scope of(String type, String name, Collection<String> actions) {
    return new Scope(type, name, new TreeSet<>(actions));
  }

  /** The scope an {@link Access.Need} asks for. */
  public static Scope of(Access.Need need) {
    return of(need.type(), need.name(), need.actions());
  }

  /**
   * Parses one scope. The name may contain a ':' (a registry host's port), so the type ends at the
   * first ':' and the actions start after the last one. Empty actions ({@code pull,,push} or a
   * trailing ':') are ignored, as the grammar allows them.
   */
  public static Scope parse(String text) {
    if (text == null || text.isBlank()) {
      throw BadRequest.invalidScope("scope is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw BadRequest.invalidScope("scope is longer than " + MAX_LENGTH + " characters");
    }
    int first = text.indexOf(':');
    int last = text.lastIndexOf(':');
    if (first < 0 || first == last) {
      throw BadRequest.invalidScope("scope '" + text + "' is not type:name:actions");
    }
    List<String> actions = new ArrayList<>();
    for (String action : text.substring(last + 1).split(",", -1)) {
      if (!action.isEmpty()) {
        actions.add(action);
      }
    }
    return of(text.substring(0, first), text.substring(first + 1, last), actions);
  }

  /**
   * Parses a space-separated scope list (the POST {@code scope} parameter, or one GET {@code scope}
   * value). Scopes naming the same resource are merged, keeping first-seen order.
   */
  public static List<Scope> parseList(String text) {
    List<Scope> scopes = new ArrayList<>();
    if (text != null) {
      for (String part : text.trim().split(" +")) {
        if (!part.isEmpty()) {
          scopes.add(parse(part));
        }
      }
    }
    return merge(scopes);
  }

  /** Merges scopes naming the same resource into one with the union of their actions. */
  public static List<Scope> merge(Collection<Scope> scopes) {
    Map<String, Scope> byResource = new LinkedHashMap<>();
    for (Scope s : scopes) {
      byResource.merge(s.type + ":" + s.name, s, (a, b) -> a.plus(b.actions));
    }
    return List.copyOf(byResource.values());
  }

  /** True when the scope allows the action, directly or through {@code *}. */
  public boolean allows(String action) {
    return actions.contains("*") || actions.contains(action);
  }

  /** True when the scope names the same resource and allows every action the need asks for. */
  public boolean covers(Access.Need need) {
    return type.equals(need.type())
        && name.equals(need.name())
        && need.actions().stream().allMatch(this::allows);
  }

  public boolean isEmpty() {
    return actions.isEmpty();
  }

  /** This resource with other actions. */
  public Scope withActions(Collection<String> newActions) {
    return of(type, name, newActions);
  }

  private Scope plus(Set<String> more) {
    SortedSet<String> all = new TreeSet<>(actions);
    all.addAll(more);
    return new Scope(type, name, all);
  }

  /** The scope text, {@code type:name:a,b}. */
  @Override
  public String toString() {
    return type + ":" + name + ":" + String.join(",", actions);
  }
}
