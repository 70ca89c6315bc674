package dev.pullproof.harness.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks credentials in text before anyone sees it: each known secret literally (longest first, so a
 * secret containing another is masked whole), anything shaped like a JWT, and the credential after
 * a {@code Bearer} or {@code Basic} scheme. Reports mask with {@link #MASK}; validate's findings
 * with {@link #FINDING_MASK}.
 */
public final class SecretMask {
  /** What reports show instead of a secret. */
  public static final String MASK = "***";

  /** What validate's findings show instead of a secret. */
  public static final String FINDING_MASK = "****";

  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
  // A credential after the scheme is long and has a digit or base64 punctuation; plain words
  // ("basic authentication") are left alone, so containerd's messages stay verbatim.
  private static final Pattern SCHEME_CREDENTIAL =
      Pattern.compile(
          "(?i)\\b(bearer|basic)\\s+(?=[A-Za-z0-9+/=._~-]*[0-9+/=])[A-Za-z0-9+/=._~-]{12,}");
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z]+");

  private final List<String> secrets;
  private final String mask;

  private SecretMask(Collection<String> secrets, String mask) {
    List<String> sorted = new ArrayList<>(secrets);
    sorted.removeIf(String::isEmpty);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    this.secrets = List.copyOf(sorted);
    this.mask = mask;
  }

  /** A mask for these literal secrets (and token shapes) that writes {@link #MASK}. */
  public static SecretMask of(Collection<String> secrets) {
    return new SecretMask(secrets, MASK);
  }

  /** A mask for these literal secrets (and token shapes) that writes {@link #FINDING_MASK}. */
  public static SecretMask forFindings(Collection<String> secrets) {
    return new SecretMask(secrets, FINDING_MASK);
  }

  /** {@code text} with every secret masked; empty for null. */
  public String apply(String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, mask);
    }
    out = JWT.matcher(out).replaceAll(mask);
    return SCHEME_CREDENTIAL.matcher(out).replaceAll("$1 " + mask);
  }

  /**
   * A credential value shown without its secret: {@code "Basic ****"} for {@code "Basic
   * dXNlcjpwYXNz"}, the mask alone otherwise.
   */
  public String value(String credential) {
    String v = credential == null ? "" : credential.trim();
    int space = v.indexOf(' ');
    if (space > 0 && SCHEME.matcher(v.substring(0, space)).matches()) {
      return v.substring(0, space) + " " + mask;
    }
    return mask;
  }
}
