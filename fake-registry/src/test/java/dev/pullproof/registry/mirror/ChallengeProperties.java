package dev.pullproof.registry.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * The WWW-Authenticate parser the pull-through mirror uses on its upstream's 401: any header gives
 * a challenge, and only a missing or blank one is refused (IllegalArgumentException, which the
 * mirror reports as an upstream failure).
 */
class ChallengeProperties {
  private static final int TRIES = 1000;

  @Property(tries = TRIES)
  void anyHeaderParsesOrIsRefusedAsBlank(@ForAll @StringLength(max = 300) String header) {
    try {
      Challenge challenge = Challenge.parse(header);
      assertThat(challenge.scheme()).isNotNull();
      assertThat(challenge.parameters()).doesNotContainKey(null);
    } catch (IllegalArgumentException e) {
      assertThat(header).isBlank();
    }
  }

  @Property(tries = TRIES)
  void nearMissChallengesParse(@ForAll("challenges") String header) {
    Challenge challenge = Challenge.parse(header);
    assertThat(challenge.scheme()).isEqualTo(challenge.scheme().toLowerCase(java.util.Locale.ROOT));
  }

  @Property(tries = TRIES)
  void quotedValuesRoundTrip(@ForAll("quotable") String realm, @ForAll("quotable") String service) {
    String header =
        "Bearer realm=\"" + quote(realm) + "\",service=\"" + quote(service) + "\",scope=\"a b\"";
    Challenge challenge = Challenge.parse(header);
    assertThat(challenge.scheme()).isEqualTo("bearer");
    assertThat(challenge.parameter("realm")).isEqualTo(realm);
    assertThat(challenge.parameter("service")).isEqualTo(service);
    assertThat(challenge.parameter("scope")).isEqualTo("a b");
  }

  @Provide
  Arbitrary<String> challenges() {
    Arbitrary<String> scheme =
        Arbitraries.of("Bearer", "bearer", "Basic", "BEARER", "Negotiate", "X");
    Arbitrary<String> parameter =
        Combinators.combine(
                Arbitraries.of("realm", "service", "scope", "error", "", "a b", "=", "\""),
                Arbitraries.of("=", " = ", "", "=="),
                Arbitraries.strings().withChars("\"\\,= abc").ofMaxLength(30))
            .as((k, eq, v) -> k + eq + v);
    return Combinators.combine(
            scheme,
            Arbitraries.of(" ", "  ", "\t", ""),
            parameter.list().ofMaxSize(6).map(list -> String.join(",", list)))
        .as((s, sp, p) -> s + sp + p);
  }

  @Provide
  Arbitrary<String> quotable() {
    return Arbitraries.strings().withChars("abc:/ \"\\,=._-").ofMaxLength(40);
  }

  private static String quote(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
