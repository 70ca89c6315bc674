package dev.pullproof.harness.explain;

import dev.pullproof.harness.explain.InputLine.LogEntry;
import dev.pullproof.harness.explain.InputLine.PodEvent;
import dev.pullproof.harness.explain.InputLine.PullError;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests and their results rebuilt from the evidence, in input order: each host tried with
 * its error, fallbacks to the next host, token fetches and challenges (debug level), the pull's
 * start and end, the clients' errors and the kubelet's back-off. The same event repeated back to
 * back is one event with a count (retries). At most {@link #MAX_EVENTS} are kept; later ones are
 * counted.
 */
final class Timeline {
  static final int MAX_EVENTS = 300;

  /**
   * One event.
   *
   * @param host the registry host it concerns, empty if none
   * @param seconds seconds since midnight when the line's time said, else negative
   * @param count how many times it happened back to back
   */
  record Event(long line, String time, double seconds, String host, String what, int count) {}

  private static final Pattern URL = Pattern.compile("https?://[^\\s\"'\\\\]+");
  private static final Pattern CLOCK = Pattern.compile("(\\d\\d):(\\d\\d):(\\d\\d(?:\\.\\d+)?)");
  private static final Pattern PULL_START = Pattern.compile("^PullImage \"([^\"]+)\"$");

  private final List<Event> events = new ArrayList<>();
  private long dropped;

  void add(InputLine line) {
    describe(line).ifPresent(e -> append(e));
  }

  private void append(Event e) {
    if (!events.isEmpty()) {
      Event last = events.get(events.size() - 1);
      if (last.what().equals(e.what()) && last.host().equals(e.host())) {
        events.set(
            events.size() - 1,
            new Event(
                last.line(),
                last.time(),
                last.seconds(),
                last.host(),
                last.what(),
                last.count() + 1));
        return;
      }
    }
    if (events.size() >= MAX_EVENTS) {
      dropped++;
      return;
    }
    events.add(e);
  }

  List<Event> events() {
    return List.copyOf(events);
  }

  long dropped() {
    return dropped;
  }

  private static Optional<Event> describe(InputLine line) {
    if (line instanceof PullError e) {
      return Optional.of(
          event(e.number(), e.time(), hostOf(e.text()), e.client() + " reports: " + e.text()));
    }
    if (line instanceof PodEvent e) {
      return Optional.of(
          event(
              e.number(),
              e.time(),
              "",
              "kubelet: " + e.reason() + e.image().map(i -> " " + i).orElse("")));
    }
    LogEntry e = (LogEntry) line;
    String msg = e.msg();
    String error = e.field("error");
    String host = e.field("host");
    if (host.isEmpty()) {
      host = hostOf(error.isEmpty() ? e.field("url") : error);
    }
    Matcher start = PULL_START.matcher(msg);
    String what;
    if (start.matches()) {
      what = "pull starts: " + start.group(1);
    } else if (msg.startsWith("PullImage ") && msg.endsWith(" failed")) {
      what = "pull fails: " + error;
    } else if (msg.contains("returns image reference") || msg.startsWith("Pulled image")) {
      what = "pull succeeds: " + msg;
    } else if (msg.equals("trying next host")) {
      what = "failed: " + error + "; trying the next host";
    } else if (msg.equals("fetch failed")) {
      what = "fetch failed: " + error;
    } else if (msg.equals("resolving")) {
      what = "resolving";
    } else if (msg.equals("do request")) {
      String url = e.field("url");
      String method = e.field("request.method");
      what = (isToken(url) ? "token request " : "request ") + method + " " + path(url);
    } else if (msg.equals("fetch response received")) {
      String url = e.field("url");
      what =
          (isToken(url) ? "token response " : "response ")
              + e.field("response.status")
              + " "
              + path(url);
    } else if (msg.toLowerCase(java.util.Locale.ROOT).contains("token")) {
      what = "token: " + msg + (error.isEmpty() ? "" : ": " + error);
    } else if (msg.equals("Unauthorized") || !e.field("www-authenticate").isEmpty()) {
      // 1.6, 1.7 and 2.1 at debug level: msg=Unauthorized header="Bearer realm=...".
      String challenge = e.field("header");
      what = "challenge: " + (challenge.isEmpty() ? e.field("www-authenticate") : challenge);
    } else if (e.level().equals("error")
        || e.level().equals("warning")
        || e.level().equals("fatal")) {
      what = e.level() + ": " + msg + (error.isEmpty() ? "" : ": " + error);
    } else {
      return Optional.empty();
    }
    return Optional.of(event(e.number(), e.time(), host, what));
  }

  private static Event event(long line, String time, String host, String what) {
    return new Event(line, time, seconds(time), host, what, 1);
  }

  private static boolean isToken(String url) {
    return !url.isEmpty() && !path(url).startsWith("/v2/");
  }

  private static String path(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getRawPath() == null ? url : uri.getRawPath();
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  /** The host of the first URL in {@code text}, with its port; empty if none. */
  static String hostOf(String text) {
    Matcher m = URL.matcher(text);
    if (!m.find()) {
      return "";
    }
    try {
      URI uri = URI.create(m.group());
      String host = uri.getHost();
      return host == null ? "" : host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  static double seconds(String time) {
    Matcher m = CLOCK.matcher(time);
    if (!m.find()) {
      return -1;
    }
    return Integer.parseInt(m.group(1)) * 3600
        + Integer.parseInt(m.group(2)) * 60
        + Double.parseDouble(m.group(3));
  }
}
