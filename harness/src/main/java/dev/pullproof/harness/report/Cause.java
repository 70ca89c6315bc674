package dev.pullproof.harness.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short class for one pull error, read from containerd's own message (CRI's {@code rpc error:
 * code = ... desc = ...} or ctr's output): {@code 401 no credentials}, {@code x509 unknown CA},
 * {@code CRI not loaded}. The table is ordered most specific first, and each pattern is a phrase
 * containerd 1.6, 1.7 or 2.x printed in the failure catalogue; a message no pattern knows gets
 * {@link #OTHER}, never a guess.
 */
public final class Cause {
  /** The class of an error no pattern recognises. */
  static final String OTHER = "other error";

  private record Rule(Pattern pattern, String label) {
    String apply(Matcher m) {
      String out = label;
      for (int g = 1; g <= m.groupCount(); g++) {
        out = out.replace("$" + g, m.group(g) == null ? "" : m.group(g));
      }
      return out;
    }
  }

  private static Rule rule(String regex, String label) {
    return new Rule(Pattern.compile(regex), label);
  }

  private static final List<Rule> RULES =
      List.of(
          rule("unknown service runtime\\.v1\\.ImageService", "CRI not loaded"),
          rule("code = DeadlineExceeded", "hung to deadline"),
          rule("code = Canceled desc = .*context canceled", "pull canceled"),
          rule("x509: certificate signed by unknown authority", "x509 unknown CA"),
          rule("x509: certificate is valid for", "x509 wrong host name"),
          rule("x509: certificate has expired or is not yet valid", "x509 expired"),
          rule("remote error: tls: bad certificate", "TLS client cert refused"),
          rule("server gave HTTP response to HTTPS client", "HTTPS to an HTTP host"),
          rule("malformed HTTP response", "malformed HTTP response"),
          rule(
              "failed to fetch (?:oauth|anonymous) token: [^\\n]*connection refused",
              "token host refused"),
          rule(
              "failed to fetch (?:oauth|anonymous) token: unexpected status[^\\n]*?: (\\d{3}) ",
              "token request $1"),
          rule("authorization failed: no basic auth credentials", "401 no credentials"),
          rule("insufficient_scope", "insufficient_scope"),
          rule("\\b429 Too Many Requests", "429 rate limited"),
          rule("unexpected media type text/html", "HTML, not an image"),
          rule("could not fetch content descriptor [^\\n]*not found", "blob not found"),
          rule("code = NotFound desc = [^\\n]*: not found", "not found"),
          rule("connection refused", "connection refused"),
          rule("connection reset by peer", "connection reset"),
          rule("(?:status code|unexpected status)[^\\n]*?: ([1-5]\\d\\d) [A-Z]", "HTTP $1"));

  private static final Pattern LOG_LINE = Pattern.compile("time=\"[^\"]*\" level=");

  private Cause() {}

  /**
   * The class of one pull's error text. ctr prints containerd's client log before its error; a
   * {@code trying next host} line there may name an earlier host's failure, so log lines are left
   * out and the error itself decides.
   */
  public static String of(String error) {
    String decisive =
        String.join("\n", error.lines().filter(l -> !LOG_LINE.matcher(l).lookingAt()).toList());
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(decisive);
      if (m.find()) {
        return rule.apply(m);
      }
    }
    return OTHER;
  }
}
