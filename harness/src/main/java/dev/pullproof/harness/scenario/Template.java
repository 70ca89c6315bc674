package dev.pullproof.harness.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholders in containerd files, their paths and pull images, filled in once the world has
 * started: {@code {{hub.address}}} ({@code host:port} as containerd reaches the registry), {@code
 * {{hub.host}}}, {@code {{hub.port}}}, {@code {{hub.url}}} ({@code http://host:port}) and {@code
 * {{hub.ip}}} (the loopback address it listens on). When a registry serves TLS, {@code {{tls.ca}}},
 * {@code {{tls.client_cert}}} and {@code {{tls.client_key}}} are the absolute paths in the node of
 * the world's CA certificate and of a client certificate and key it issued; {@code {{tls.ca_pem}}},
 * {@code {{tls.client_cert_pem}}} and {@code {{tls.client_key_pem}}} are their contents, for a file
 * a user's config names at a path of its own.
 */
public final class Template {
  public static final List<String> ATTRIBUTES = List.of("address", "host", "port", "url", "ip");

  /** The placeholder prefix of the world's TLS files; no registry may be named so. */
  public static final String TLS = "tls";

  public static final List<String> TLS_ATTRIBUTES =
      List.of("ca", "client_cert", "client_key", "ca_pem", "client_cert_pem", "client_key_pem");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");

  private Template() {}

  /** What a started world fills placeholders with. */
  @FunctionalInterface
  public interface Values {
    /** The value of {@code {{registry.attribute}}}; empty when the world has none. */
    java.util.Optional<String> value(String registry, String attribute);
  }

  /** A placeholder as written: registry name and attribute. */
  public record Reference(String registry, String attribute) {}

  /** Every placeholder in the text; malformed ones are reported as IllegalArgumentException. */
  public static List<Reference> references(String text) {
    List<Reference> refs = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      String[] parts = m.group(1).split("\\.", -1);
      if (parts.length != 2 || parts[0].isEmpty()) {
        throw new IllegalArgumentException(
            "placeholder '{{" + m.group(1) + "}}' must be {{REGISTRY.ATTRIBUTE}}");
      }
      refs.add(new Reference(parts[0], parts[1]));
    }
    return refs;
  }

  /** Replaces every placeholder with its value; one without a value is an error naming it. */
  public static String render(String text, Values values) {
    return replace(
        text,
        (registry, attribute) ->
            values
                .value(registry, attribute)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "no value for {{" + registry + "." + attribute + "}}")));
  }

  private static String replace(String text, BiFunction<String, String, String> value) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String[] parts = m.group(1).split("\\.", -1);
      if (parts.length != 2) {
        throw new IllegalArgumentException("placeholder '{{" + m.group(1) + "}}' is malformed");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.apply(parts[0], parts[1])));
    }
    m.appendTail(out);
    return out.toString();
  }
}
