package dev.pullproof.registry.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest, {@code algorithm:hex}. The algorithms are those the image spec registers with a
 * JDK implementation: sha256 and sha512 (blake3, registered too, has none, so it is refused). The
 * distribution spec lets a client push with either, and a registry answers in the algorithm the
 * client named.
 *
 * @see <a
 *     href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md#registered-algorithms">
 *     image-spec: registered algorithms</a>
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pushing-a-blob-in-chunks">
 *     distribution-spec: pushing a blob in chunks ({@code digest-algorithm})</a>
 */
public record Digest(String algorithm, String hex) {
  /** The algorithms accepted, as a message names them. */
  public static final String KNOWN = "sha256, sha512";

  private static final Pattern HEX = Pattern.compile("[a-f0-9]+");

  public Digest {
    int expected = hexLength(algorithm);
    if (hex == null || hex.length() != expected || !HEX.matcher(hex).matches()) {
      throw ErrorCode.DIGEST_INVALID.withMessage(
          "invalid digest", algorithm + " needs " + expected + " lowercase hex characters");
    }
  }

  /** Hex characters of {@code algorithm}'s digests; an unknown one is DIGEST_INVALID. */
  public static int hexLength(String algorithm) {
    return switch (algorithm == null ? "" : algorithm) {
      case "sha256" -> 64;
      case "sha512" -> 128;
      default ->
          throw ErrorCode.DIGEST_INVALID.withMessage(
              "unsupported digest algorithm",
              "algorithm '" + algorithm + "' is not one of " + KNOWN);
    };
  }

  /** The digest of {@code content} with {@code algorithm} (sha256 or sha512). */
  public static Digest of(String algorithm, byte[] content) {
    MessageDigest md = newMessageDigest(algorithm);
    return new Digest(algorithm, HexFormat.of().formatHex(md.digest(content)));
  }

  /** Parses {@code sha256:<64 hex>}; a malformed value is a DIGEST_INVALID error. */
  public static Digest parse(String text) {
    if (text == null || text.length() > 200) {
      throw ErrorCode.DIGEST_INVALID.withMessage("invalid digest", "digest missing or too long");
    }
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw ErrorCode.DIGEST_INVALID.withMessage("invalid digest", "expected algorithm:hex");
    }
    return new Digest(text.substring(0, colon), text.substring(colon + 1));
  }

  /** True when the text is a well-formed digest. */
  public static boolean isDigest(String text) {
    try {
      parse(text);
      return true;
    } catch (RegistryException e) {
      return false;
    }
  }

  public static Digest sha256(byte[] content) {
    return new Digest("sha256", HexFormat.of().formatHex(newSha256().digest(content)));
  }

  public static Digest of(MessageDigest finished) {
    String algorithm = finished.getAlgorithm().equals("SHA-512") ? "sha512" : "sha256";
    return new Digest(algorithm, HexFormat.of().formatHex(finished.digest()));
  }

  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /** A fresh MessageDigest for this digest's algorithm. */
  public MessageDigest newMessageDigest() {
    return newMessageDigest(algorithm);
  }

  /** A fresh MessageDigest for a known algorithm; an unknown one is DIGEST_INVALID. */
  public static MessageDigest newMessageDigest(String algorithm) {
    hexLength(algorithm);
    try {
      return MessageDigest.getInstance(algorithm.equals("sha512") ? "SHA-512" : "SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no " + algorithm, e);
    }
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
