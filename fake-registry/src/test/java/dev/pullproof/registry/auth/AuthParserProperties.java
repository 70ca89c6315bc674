package dev.pullproof.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.RegistryException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * The scope, Basic credential and token parsers reject any input with their documented failure: a
 * 400 UNSUPPORTED for a scope, IllegalArgumentException for a Basic header, InvalidTokenException
 * for a token. Anything else would reach the client as a 500.
 */
class AuthParserProperties {
  private static final int TRIES = 1000;
  private static final TokenService TOKENS =
      TokenService.builder().service("registry.test").build();

  @Property(tries = TRIES)
  void scopeParserThrowsOnlyInvalidScope(@ForAll @StringLength(max = 300) String text) {
    Scope scope = parseScope(text);
    if (scope != null) {
      assertThat(Scope.parse(scope.toString())).isEqualTo(scope);
    }
  }

  @Property(tries = TRIES)
  void scopeParserHandlesNearMissScopes(@ForAll("scopes") String text) {
    Scope scope = parseScope(text);
    if (scope != null) {
      assertThat(Scope.parse(scope.toString())).isEqualTo(scope);
    }
  }

  @Property(tries = TRIES)
  void scopeListParserThrowsOnlyInvalidScope(@ForAll("scopeLists") String text) {
    try {
      List<Scope> scopes = Scope.parseList(text);
      assertThat(scopes).doesNotContainNull();
    } catch (RegistryException e) {
      invalidScope(e);
    }
  }

  @Property(tries = TRIES)
  void basicParserThrowsOnlyIllegalArgument(@ForAll("basicHeaders") String header) {
    try {
      BasicCredentials credentials = BasicCredentials.parse(header);
      assertThat(credentials.toString())
          .doesNotContain(credentials.password().isEmpty() ? "\0" : credentials.password());
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property(tries = TRIES)
  void tokenVerifierThrowsOnlyInvalidToken(@ForAll("tokens") String token) {
    try {
      TOKENS.verify(token);
      throw new AssertionError("a token not issued by the service was accepted: " + token);
    } catch (InvalidTokenException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<String> scopes() {
    Arbitrary<String> type =
        Arbitraries.of("repository", "registry", "repository(plugin)", "", "Repo", "a b");
    Arbitrary<String> name = Arbitraries.strings().withChars("abz09._-/:A%").ofMaxLength(40);
    Arbitrary<String> actions =
        Arbitraries.of(
            "pull", "push", "*", "pull,push", "", ",", "pull,,push", "PULL", "pu ll", "delete");
    Arbitrary<String> sep = Arbitraries.of(":", "::", "");
    return Combinators.combine(type, sep, name, sep, actions)
        .as((t, s1, n, s2, a) -> t + s1 + n + s2 + a);
  }

  @Provide
  Arbitrary<String> scopeLists() {
    return scopes()
        .list()
        .ofMaxSize(5)
        .map(list -> String.join(Arbitraries.of(" ", "  ", "\t").sample(), list));
  }

  @Provide
  Arbitrary<String> basicHeaders() {
    Arbitrary<String> scheme =
        Arbitraries.of("Basic ", "basic ", "BASIC  ", "Basic", "Bearer ", "");
    Arbitrary<String> encoded =
        Arbitraries.strings()
            .ofMaxLength(40)
            .map(s -> Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
    Arbitrary<String> raw = Arbitraries.strings().ofMaxLength(40);
    return Combinators.combine(scheme, Arbitraries.oneOf(encoded, raw)).as(String::concat);
  }

  @Provide
  Arbitrary<String> tokens() {
    Arbitrary<String> b64 =
        Arbitraries.strings()
            .ofMaxLength(60)
            .map(
                s ->
                    Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(s.getBytes(StandardCharsets.UTF_8)));
    Arbitrary<String> header =
        Arbitraries.of(
                "{\"alg\":\"none\"}",
                "{\"alg\":\"ES256\"}",
                "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                "{}",
                "[]",
                "null",
                "{\"alg\":1}")
            .map(
                s ->
                    Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(s.getBytes(StandardCharsets.UTF_8)));
    Arbitrary<String> dots = Arbitraries.of(".", "..", "", " ");
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.oneOf(header, b64), dots, b64, dots, b64)
            .as((h, d1, p, d2, s) -> h + d1 + p + d2 + s),
        Arbitraries.strings().ofMaxLength(200));
  }

  private static Scope parseScope(String text) {
    try {
      return Scope.parse(text);
    } catch (RegistryException e) {
      invalidScope(e);
      return null;
    }
  }

  private static void invalidScope(RegistryException e) {
    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED);
    assertThat(e.status()).isEqualTo(400);
  }
}
