package dev.pullproof.registry.fault;

import java.util.regex.Pattern;

/** A name pattern where {@code *} matches any run of characters (slashes included). */
public record Glob(String text, Pattern pattern) {
  public static Glob of(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(field + " glob must not be empty");
    }
    StringBuilder regex = new StringBuilder();
    for (String literal : text.split("\\*", -1)) {
      regex.append(regex.length() == 0 ? "" : ".*").append(Pattern.quote(literal));
    }
    return new Glob(text, Pattern.compile(regex.toString()));
  }

  public boolean matches(String value) {
    return value != null && pattern.matcher(value).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
