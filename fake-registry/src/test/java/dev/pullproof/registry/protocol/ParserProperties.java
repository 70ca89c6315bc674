package dev.pullproof.registry.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.internal.http.ByteRange;
import dev.pullproof.registry.internal.http.RouteParser;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/**
 * The path, digest, reference, name and range parsers turn any input into a value or a {@link
 * RegistryException} with a 4xx spec status: never another exception, which the server would answer
 * with 500. Inputs are both arbitrary strings and near-misses built from the grammar's own pieces,
 * which reach deeper branches than random text does.
 */
class ParserProperties {
  private static final int TRIES = 1000;
  private final RouteParser routes = new RouteParser("/token");

  @Property(tries = TRIES)
  void routeParserThrowsOnlySpecErrors(@ForAll @StringLength(max = 300) String path) {
    parses(() -> routes.parse(path));
  }

  @Property(tries = TRIES)
  void routeParserHandlesNearMissPaths(@ForAll("paths") String path) {
    parses(() -> routes.parse(path));
  }

  @Property(tries = TRIES)
  void digestParserThrowsOnlyDigestInvalid(@ForAll @StringLength(max = 300) String text) {
    failsWith(() -> Digest.parse(text), ErrorCode.DIGEST_INVALID);
  }

  @Property(tries = TRIES)
  void digestParserHandlesNearMissDigests(@ForAll("digests") String text) {
    Digest digest = (Digest) failsWith(() -> Digest.parse(text), ErrorCode.DIGEST_INVALID);
    if (digest != null) {
      assertThat(Digest.parse(digest.toString())).isEqualTo(digest);
      assertThat(digest.toString()).isEqualTo(text);
    }
  }

  @Property(tries = TRIES)
  void referenceParserThrowsOnlyTagOrDigestInvalid(@ForAll("references") String text) {
    Object parsed = parses(() -> Reference.parse(text));
    if (parsed == null) {
      return;
    }
    assertThat(parsed.toString()).isEqualTo(text);
  }

  @Property(tries = TRIES)
  void repositoryNameThrowsOnlyNameInvalid(@ForAll("names") String text) {
    Object name = failsWith(() -> RepositoryName.of(text), ErrorCode.NAME_INVALID);
    if (name != null) {
      assertThat(text).hasSizeBetween(1, 255).doesNotContain("//").doesNotStartWith("/");
    }
  }

  @Property(tries = TRIES)
  void rangeParserThrowsOnlyRangeInvalid(
      @ForAll("ranges") String header, @ForAll @LongRange(min = 0, max = 10_000) long size) {
    ByteRange range =
        (ByteRange) failsWith(() -> ByteRange.parse(header, size), ErrorCode.RANGE_INVALID);
    if (range != null) {
      assertThat(range.first()).isBetween(0L, size - 1);
      assertThat(range.last()).isBetween(range.first(), size - 1);
    }
  }

  @Property(tries = TRIES)
  void acceptParserNeverThrows(@ForAll @StringLength(max = 200) String value) {
    AcceptHeader accept = AcceptHeader.parse(List.of(value));
    assertThat(accept.types()).doesNotContainNull();
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> prefix = Arbitraries.of("/v2/", "/v2", "/v2//", "/", "", "/token", "/v3/");
    Arbitrary<String> middle =
        Arbitraries.of(
            "/manifests/",
            "/blobs/",
            "/referrers/",
            "/blobs/uploads",
            "/blobs/uploads/",
            "/tags/list",
            "/_catalog",
            "/",
            "//",
            "");
    return Combinators.combine(prefix, names(), middle, references())
        .as((p, n, m, r) -> p + n + m + r);
  }

  @Provide
  Arbitrary<String> digests() {
    Arbitrary<String> algorithm =
        Arbitraries.of("sha256", "sha512", "SHA256", "md5", "", "sha256+b64", "sha384");
    Arbitrary<String> hex =
        Arbitraries.strings().withChars("0123456789abcdefABCDEFg:/ ").ofMaxLength(140);
    Arbitrary<String> exact = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    return Combinators.combine(
            algorithm, Arbitraries.of(":", "::", "", "="), Arbitraries.oneOf(hex, exact))
        .as((a, s, h) -> a + s + h);
  }

  @Provide
  Arbitrary<String> references() {
    Arbitrary<String> tags =
        Arbitraries.strings().withChars("abcXYZ019._-:/@+ %").ofMinLength(0).ofMaxLength(140);
    return Arbitraries.oneOf(tags, digests(), Arbitraries.strings().ofMaxLength(50));
  }

  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> component =
        Arbitraries.strings().withChars("abz09._-A/%").ofMinLength(0).ofMaxLength(20);
    return Arbitraries.oneOf(
        component.list().ofMaxSize(15).map(parts -> String.join("/", parts)),
        Arbitraries.strings().withChars("a-").ofMinLength(250).ofMaxLength(260),
        Arbitraries.strings().ofMaxLength(40));
  }

  @Provide
  Arbitrary<String> ranges() {
    Arbitrary<String> number =
        Arbitraries.oneOf(
            Arbitraries.longs().between(-5, 20_000).map(String::valueOf),
            Arbitraries.of("", " ", "+1", "99999999999999999999", "0x10", "1e3", "-", "abc"));
    Arbitrary<String> unit =
        Arbitraries.of("bytes=", "Bytes=", "bytes =", "items=", "", " bytes= ");
    Arbitrary<String> sep = Arbitraries.of("-", "--", ",", "", " - ");
    return Arbitraries.oneOf(
        Combinators.combine(unit, number, sep, number).as((u, a, s, b) -> u + a + s + b),
        Arbitraries.strings().ofMaxLength(60));
  }

  /** Runs a parse: a value, or null after a RegistryException with a 4xx status and a code. */
  static Object parses(java.util.function.Supplier<?> parse) {
    try {
      return parse.get();
    } catch (RegistryException e) {
      assertThat(e.status()).isBetween(400, 499);
      assertThat(e.code()).isNotNull().isNotEqualTo(ErrorCode.UNKNOWN);
      assertThat(e.getMessage()).isNotBlank();
      return null;
    }
  }

  private static Object failsWith(java.util.function.Supplier<?> parse, ErrorCode expected) {
    try {
      return parse.get();
    } catch (RegistryException e) {
      assertThat(e.code()).isEqualTo(expected);
      assertThat(e.status()).isEqualTo(expected.status());
      return null;
    }
  }
}
