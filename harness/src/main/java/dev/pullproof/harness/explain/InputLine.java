package dev.pullproof.harness.explain;

import java.util.Map;
import java.util.Optional;

/** One line of pasted evidence, read into what it is. */
sealed interface InputLine {
  /** The line's number in the input, from 1. */
  long number();

  /**
   * A containerd (or ctr's resolver) log entry, whatever form it came in: logfmt, JSON or logrus'
   * terminal form, behind a journalctl or syslog prefix or not.
   *
   * @param time as written ({@code 2024-12-04T01:02:03.123Z}, or the journal's), empty if none
   * @param level lower case: {@code debug}, {@code info}, {@code warning}, {@code error}...
   */
  record LogEntry(long number, String time, String level, String msg, Map<String, String> fields)
      implements InputLine {
    public LogEntry {
      fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    String field(String name) {
      return fields.getOrDefault(name, "");
    }
  }

  /**
   * A pull's error as a client returned it: the CRI's {@code rpc error: ...} (from the kubelet,
   * crictl or the pod's events) or ctr's {@code ctr: ...}.
   *
   * @param client {@code kubelet}, {@code crictl} or {@code ctr}
   */
  record PullError(long number, String time, String client, Optional<String> image, String text)
      implements InputLine {}

  /**
   * What the kubelet reports around a failed pull without the error itself: {@code ErrImagePull},
   * {@code ImagePullBackOff}, {@code Back-off pulling image}, {@code Pulling image}.
   */
  record PodEvent(long number, String time, String reason, Optional<String> image)
      implements InputLine {}
}
