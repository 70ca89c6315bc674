package dev.pullproof.registry.auth;

import dev.pullproof.registry.protocol.RepositoryName;
import dev.pullproof.registry.protocol.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The access a request needs, in token-scope terms: {@code repository:library/app:pull}, {@code
 * registry:catalog:*}. An empty list means "authenticated, no particular resource" (the {@code
 * /v2/} version check).
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/scope/">distribution: token
 *     scope</a>
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/#requesting-a-token">
 *     distribution: requesting a token</a>
 */
public record Access(List<Need> needs) {
  public Access {
    needs = List.copyOf(needs);
  }

  /** One resource and the actions on it. */
  public record Need(String type, String name, Set<String> actions) {
    public Need {
      actions = Set.copyOf(actions);
    }

    /** Scope text for a challenge, actions in a stable order. */
    public String scope() {
      return type + ":" + name + ":" + String.join(",", actions.stream().sorted().toList());
    }
  }

  /**
   * What a request needs.
   *
   * @param mountFrom the {@code from} query parameter of a cross-repository mount, or null
   */
  public static Access required(Route route, String method, RepositoryName mountFrom) {
    List<Need> needs = new ArrayList<>();
    if (route instanceof Route.Catalog) {
      needs.add(new Need("registry", "catalog", Set.of("*")));
    } else if (route instanceof Route.UploadStart u) {
      needs.add(repo(u.repository(), Set.of("pull", "push")));
      if (mountFrom != null) {
        needs.add(repo(mountFrom, Set.of("pull")));
      }
    } else if (route instanceof Route.Upload u) {
      needs.add(repo(u.repository(), Set.of("pull", "push")));
    } else if (route instanceof Route.Manifest || route instanceof Route.Blob) {
      needs.add(repo(route.repository(), actionsFor(method)));
    } else if (route.repository() != null) {
      needs.add(repo(route.repository(), Set.of("pull")));
    }
    return new Access(needs);
  }

  private static Need repo(RepositoryName name, Set<String> actions) {
    return new Need("repository", name.value(), actions);
  }

  private static Set<String> actionsFor(String method) {
    return switch (method) {
      case "PUT", "POST", "PATCH" -> Set.of("pull", "push");
      case "DELETE" -> Set.of("delete");
      default -> Set.of("pull");
    };
  }
}
