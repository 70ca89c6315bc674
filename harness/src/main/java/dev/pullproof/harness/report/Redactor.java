package dev.pullproof.harness.report;

import dev.pullproof.harness.scenario.AuthSpec;
import dev.pullproof.harness.scenario.ContainerdFile;
import dev.pullproof.harness.scenario.MirrorSpec;
import dev.pullproof.harness.scenario.PullAuth;
import dev.pullproof.harness.scenario.PullSpec;
import dev.pullproof.harness.scenario.RegistrySpec;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.text.SecretMask;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes secrets from text before any report shows it: every password the scenarios define (for
 * registry users and pull secrets), their Basic-auth encodings, and anything shaped like a JWT or a
 * bearer token. Every report writes text only through {@link #redact}; the masking is {@link
 * SecretMask}'s, this class knows where scenarios keep their secrets.
 */
public final class Redactor {
  public static final String MASK = SecretMask.MASK;

  private final SecretMask mask;

  private Redactor(Set<String> secrets) {
    this.mask = SecretMask.of(secrets);
  }

  /** A redactor for these literal secrets (and token shapes). */
  public static Redactor of(Set<String> secrets) {
    return new Redactor(secrets);
  }

  /** Every secret the scenarios define, in every form a report could meet it. */
  public static Redactor forScenarios(List<Scenario> scenarios) {
    Set<String> secrets = new LinkedHashSet<>();
    for (Scenario s : scenarios) {
      for (RegistrySpec r : s.registries().values()) {
        AuthSpec auth = r.auth();
        auth.users().forEach((user, password) -> addPair(secrets, user, password));
        secrets.addAll(auth.policy().identityTokens().keySet());
        secrets.addAll(auth.policy().registryTokens().keySet());
        r.mirror()
            .flatMap(MirrorSpec::credentials)
            .ifPresent(c -> addPair(secrets, c.username(), c.password()));
      }
      for (PullSpec p : s.pulls()) {
        if (p.auth() instanceof PullAuth.PullSecret secret) {
          if (!secret.username().isEmpty()) {
            addPair(secrets, secret.username(), secret.password());
          }
          for (String token :
              List.of(secret.auth(), secret.identityToken(), secret.registryToken())) {
            if (!token.isEmpty()) {
              secrets.add(token);
            }
          }
          decodedPair(secret.auth()).ifPresent(pair -> addPair(secrets, pair[0], pair[1]));
        }
        if (p.auth() instanceof PullAuth.CredentialProvider provider) {
          FileSecrets.collect(provider.script().text(), secrets);
        }
      }
      // Static headers and registry.configs auth live in containerd's files, for any version.
      for (ContainerdVersion family : ContainerdVersion.families()) {
        for (ContainerdFile file : s.containerd().filesFor(family)) {
          FileSecrets.collect(file.text(), secrets);
        }
      }
    }
    return new Redactor(secrets);
  }

  /** The password, and user:password raw and base64-encoded (standard and URL alphabets). */
  static void addPair(Set<String> secrets, String user, String password) {
    secrets.add(password);
    secrets.add(Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
    String pair = user + ":" + password;
    secrets.add(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    secrets.add(Base64.getUrlEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    secrets.add(pair);
  }

  /** A docker config {@code auth} value as user and password, when it decodes to {@code u:p}. */
  private static java.util.Optional<String[]> decodedPair(String auth) {
    try {
      String text = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
      int colon = text.indexOf(':');
      return colon < 0 || colon == text.length() - 1
          ? java.util.Optional.empty()
          : java.util.Optional.of(
              new String[] {text.substring(0, colon), text.substring(colon + 1)});
    } catch (IllegalArgumentException notBase64) {
      return java.util.Optional.empty();
    }
  }

  public String redact(String text) {
    return mask.apply(text);
  }
}
