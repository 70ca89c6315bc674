package dev.pullproof.registry.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest, {@code algorithm:hex}. Only sha256 and sha512 are accepted, as registries do.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md#digests">OCI
 *     digests</a>
 */
public record Digest(String algorithm, String hex) {
  private static final Pattern HEX = Pattern.compile("[a-f0-9]+");

  public Digest {
    int expected =
        switch (algorithm == null ? "" : algorithm) {
          case "sha256" -> 64;
          case "sha512" -> 128;
          default ->
              throw ErrorCode.DIGEST_INVALID.withMessage(
                  "unsupported digest algorithm", "algorithm: " + algorithm);
        };
    if (hex == null || hex.length() != expected || !HEX.matcher(hex).matches()) {
      throw ErrorCode.DIGEST_INVALID.withMessage(
          "invalid digest", algorithm + " needs " + expected + " lowercase hex characters");
    }
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
