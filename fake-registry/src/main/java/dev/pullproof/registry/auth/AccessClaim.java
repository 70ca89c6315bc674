package dev.pullproof.registry.auth;

import dev.pullproof.registry.protocol.RegistryException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Docker {@code access} claim: a list of {@code {"type","name","actions"}} objects.
 *
 * @see <a
 *     href="https://github.com/distribution/distribution/blob/main/docs/content/spec/auth/jwt.md">JWT
 *     access claim</a>
 */
final class AccessClaim {
  private AccessClaim() {}

  static List<Object> toJson(List<Scope> scopes) {
    List<Object> entries = new ArrayList<>();
    for (Scope s : scopes) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("type", s.type());
      entry.put("name", s.name());
      entry.put("actions", List.copyOf(s.actions()));
      entries.add(entry);
    }
    return entries;
  }

  /** Reads the claim's value as nimbus parsed it; an absent claim is no access. */
  static List<Scope> fromJson(Object claim) throws InvalidTokenException {
    if (claim == null) {
      return List.of();
    }
    if (!(claim instanceof List<?> entries)) {
      throw new InvalidTokenException("access claim is not a list");
    }
    List<Scope> scopes = new ArrayList<>();
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> map)
          || !(map.get("type") instanceof String type)
          || !(map.get("name") instanceof String name)
          || !(map.get("actions") instanceof List<?> actions)) {
        throw new InvalidTokenException("access entry is not {type, name, actions}: " + entry);
      }
      List<String> names = new ArrayList<>();
      for (Object action : actions) {
        names.add(String.valueOf(action));
      }
      try {
        scopes.add(Scope.of(type, name, names));
      } catch (RegistryException e) {
        throw new InvalidTokenException("access entry is malformed: " + e.detail(), e);
      }
    }
    return scopes;
  }
}
