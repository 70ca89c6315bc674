package dev.pullproof.harness.explain;

import java.util.regex.Pattern;

/**
 * A failure's family: the innermost cause of its pull error, with the wrappers each client and
 * version adds taken off ({@code rpc error: code = Unknown desc = failed to pull and unpack image
 * "...": failed to resolve reference "...": } or {@code ctr: failed to resolve image: }), so that
 * 1.6's and 2.x's wording of the same failure, through CRI or ctr, fall in one family.
 */
final class Family {
  private static final Pattern WRAPPERS =
      Pattern.compile(
          "^(?:rpc error: code = \\w+ desc = |ctr: |harness: |failed to pull and unpack image \"<image>\": "
              + "|failed to resolve reference \"<image>\": |failed to resolve image: |failed to copy: "
              + "|failed to do request: |(?:Head|Get|Post) \"[^\"]*\": |httpReadSeeker: failed open: "
              + "|failed to extract layer [^:]*: |failed commit on ref \"[^\"]*\": "
              + "|failed to fetch (?:anonymous|oauth) token: |failed to authorize: "
              + "|pulling from host <host> failed with status code \\[[^\\]]*\\]: "
              + "|unexpected status from \\w+ request to [^:]*:(?://[^:]*)?: )+");

  private Family() {}

  static String of(String normalError) {
    String e = WRAPPERS.matcher(normalError.strip()).replaceFirst("");
    e = e.replaceAll("(?i)\\b(HEAD|GET|POST)\\b", "<method>");
    return e.length() > 160 ? e.substring(0, 160) : e;
  }
}
