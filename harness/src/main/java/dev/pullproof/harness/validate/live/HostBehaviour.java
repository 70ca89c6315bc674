package dev.pullproof.harness.validate.live;

import java.util.Locale;

/** What an impersonated host does in the live check, chosen per host by the user. */
public enum HostBehaviour {
  /** Serves the images anonymously. */
  ANSWERS,
  /**
   * Serves the images to the credentials the user's config gives for it (registry.configs auth, a
   * static Basic header), and to nobody else: proof of whether containerd sends them.
   */
  AUTH,
  /** Like {@link #AUTH} behind token auth (a Bearer challenge and a token service). */
  TOKEN,
  /** Refuses connections. */
  DOWN;

  public static HostBehaviour of(String word) {
    try {
      return valueOf(word.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown host behaviour '" + word + "'; use answers, auth, token or down", e);
    }
  }
}
