package dev.pullproof.harness.kubelet;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Kubelet {@code matchImages} globbing (Kubernetes pkg/credentialprovider, {@code URLsMatchStr}):
 * both sides are read as scheme-less URLs; the host names must have the same number of
 * dot-separated labels, each label matching its glob ({@code *}, {@code ?}, {@code [...]}, never
 * across a label); the ports must be equal (a glob without a port matches only an image without
 * one); and the glob's path must be a prefix of the image's path.
 */
public final class ImageMatcher {
  private ImageMatcher() {}

  /**
   * Whether {@code glob} (a {@code matchImages} entry or an {@code auth} key) covers {@code image}.
   */
  public static boolean matches(String glob, String image) {
    Location g = Location.of(glob);
    Location t = Location.of(image);
    if (!g.port().equals(t.port()) || !t.path().startsWith(g.path())) {
      return false;
    }
    List<String> globLabels = List.of(g.host().split("\\.", -1));
    List<String> labels = List.of(t.host().split("\\.", -1));
    if (globLabels.size() != labels.size()) {
      return false;
    }
    for (int i = 0; i < labels.size(); i++) {
      if (!label(globLabels.get(i)).matcher(labels.get(i)).matches()) {
        return false;
      }
    }
    return true;
  }

  /** One label's glob as a regex: {@code *} any run, {@code ?} one character, classes kept. */
  private static Pattern label(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '[' && glob.indexOf(']', i + 1) > i + 1) {
        int end = glob.indexOf(']', i + 1);
        String body = glob.substring(i + 1, end);
        re.append('[')
            .append(body.startsWith("^") ? "^" + body.substring(1) : body.replace("\\", "\\\\"))
            .append(']');
        i = end;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  /** Host, port and path of a reference read as {@code https://REF}. */
  record Location(String host, String port, String path) {
    static Location of(String ref) {
      String s = ref.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
      int slash = s.indexOf('/');
      String authority = slash < 0 ? s : s.substring(0, slash);
      String path = slash < 0 ? "" : s.substring(slash);
      int colon = authority.lastIndexOf(':');
      return colon < 0
          ? new Location(authority, "", path)
          : new Location(authority.substring(0, colon), authority.substring(colon + 1), path);
    }
  }
}
