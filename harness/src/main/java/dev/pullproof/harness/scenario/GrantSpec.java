package dev.pullproof.harness.scenario;

import java.util.List;
import java.util.Set;

/**
 * A user (or {@code *} for every authenticated user) may perform actions on repositories matching a
 * glob.
 */
public record GrantSpec(String user, String repository, List<String> actions) {
  private static final Set<String> ACTIONS = Set.of("pull", "push", "delete", "*");

  public GrantSpec {
    if (user == null || user.isEmpty()) {
      throw new IllegalArgumentException("grant user is required");
    }
    if (repository == null || repository.isEmpty()) {
      throw new IllegalArgumentException("grant repository glob is required");
    }
    actions = List.copyOf(actions);
    if (actions.isEmpty() || !ACTIONS.containsAll(actions)) {
      throw new IllegalArgumentException(
          "grant actions must be some of " + ACTIONS + ": " + actions);
    }
  }
}
