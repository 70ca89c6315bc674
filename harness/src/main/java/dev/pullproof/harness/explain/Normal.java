package dev.pullproof.harness.explain;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a containerd message with everything that changes from node to node or run to run
 * taken out: times, digests, addresses and host names, ports, image names, repository paths,
 * queries, durations and long numbers. The catalogue's signatures and a user's input are both
 * reduced to this shape, so that "the same message" means the same wording, whatever registry,
 * image or clock produced it.
 */
final class Normal {
  private record Rule(Pattern pattern, String replacement) {}

  private static final List<Rule> RULES =
      List.of(
          rule("\u001B\\[[0-9;]*[A-Za-z]", ""),
          rule("[\\x00-\\x08\\x0B-\\x1F\\x7F]", "?"),
          rule(
              "\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:?\\d\\d)?",
              "<time>"),
          rule("(sha256|sha512):[0-9a-f]{32,128}", "$1:<digest>"),
          rule("\\b(https?)://[^/\\s\"'\\\\]+", "$1://<host>"),
          rule(
              "/v2/[A-Za-z0-9._/-]+?/(manifests|blobs|tags|referrers)/[^\\s\"'\\\\,)\\]]+",
              "/v2/<name>/$1/<ref>"),
          rule("(://<host>[^\\s\"'\\\\?]*)\\?[^\\s\"'\\\\]*", "$1?<query>"),
          rule("\\[[0-9a-fA-F:]*:[0-9a-fA-F:]*\\](:\\d+)?", "<host>"),
          rule("\\b\\d{1,3}(\\.\\d{1,3}){3}(:\\d+)?\\b", "<host>"),
          rule("\\blocalhost(:\\d+)?\\b", "<host>"),
          rule("\\b[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+:\\d{2,5}\\b", "<host>"),
          rule("\\b(host|registry|server|ns)=(\\\\?\"[^\"\\\\\\s]*\\\\?\"|[^\\s\"]+)", "$1=<host>"),
          rule("\\blookup [^\\s:]+", "lookup <host>"),
          rule("\\b(pulling from host|from host) [^\\s:\"\\\\]+", "$1 <host>"),
          rule("(valid for) [^;\"\\\\]*?, not [^\\s\"\\\\;]+", "$1 <names>, not <host>"),
          rule("\\b(repository|registry):[A-Za-z0-9._/<>-]+:([a-z*,]+)", "$1:<name>:$2"),
          rule("\\[(manifests|blobs) [^\\]]+\\]", "[$1 <ref>]"),
          rule(
              "(\\\\?\")(<host>|[A-Za-z0-9][A-Za-z0-9.-]*)?(/[A-Za-z0-9._-]+)+(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?"
                  + "(@sha\\d+:<digest>)?\\\\?\"",
              "$1<image>$1"),
          rule(
              "(?<![/\\w])<host>(/[A-Za-z0-9._-]+)+(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?(@sha\\d+:<digest>)?",
              "<image>"),
          rule("(\\\\?\")[a-z0-9][a-z0-9._-]*:[A-Za-z0-9_][A-Za-z0-9_.-]*\\\\?\"", "$1<image>$1"),
          rule(
              "\\b\\d+(\\.\\d+)?(ns|µs|us|ms|s|m|h)(\\d+(\\.\\d+)?(ns|µs|us|ms|s|m|h))*\\b",
              "<duration>"),
          rule("\\b\\d{4,}\\b", "<n>"),
          rule("\\s+", " "));

  private Normal() {}

  private static Rule rule(String regex, String replacement) {
    return new Rule(Pattern.compile(regex), replacement);
  }

  /** {@code text} in its normal shape: variable parts replaced by placeholders, spaces folded. */
  static String of(String text) {
    String out = text;
    for (Rule r : RULES) {
      Matcher m = r.pattern.matcher(out);
      if (m.find()) {
        out = m.replaceAll(r.replacement);
      }
    }
    return out.strip();
  }
}
