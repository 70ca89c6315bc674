package dev.pullproof.registry.fault;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Impossible rules fail when built, with a message that names the field at fault. */
class BadRuleTest {
  private static FaultRule.Builder rule() {
    return FaultRule.builder().fault(Fault.status(503));
  }

  @Test
  void negativeCountsAreRefused() {
    assertThatThrownBy(() -> rule().first(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("first count must not be negative, got -1");
    assertThatThrownBy(() -> rule().after(-3)).hasMessageContaining("after count");
    assertThatThrownBy(() -> rule().everyKth(0)).hasMessageContaining("every k must be at least 1");
    assertThatThrownBy(() -> new Fault.Truncate(-1)).hasMessageContaining("afterBytes");
    assertThatThrownBy(() -> new Fault.Corrupt(-5)).hasMessageContaining("atByte");
    assertThatThrownBy(() -> new Fault.Bandwidth(0)).hasMessageContaining("bytesPerSecond");
  }

  @Test
  void probabilityOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> rule().chance(1.5, 1))
        .hasMessageContaining("probability must be 0 to 1, got 1.5");
    assertThatThrownBy(() -> rule().chance(-0.1, 1)).hasMessageContaining("probability");
    assertThatThrownBy(() -> rule().chance(Double.NaN, 1)).hasMessageContaining("probability");
  }

  @Test
  void unknownRouteKindIsRefusedListingTheKnownOnes() {
    assertThatThrownBy(() -> rule().route("blobs"))
        .hasMessageContaining("route must be one of version-check, token, manifest-head,")
        .hasMessageContaining("got blobs");
  }

  @Test
  void overlappingWindowsAreRefused() {
    assertThatThrownBy(
            () ->
                rule()
                    .between(Duration.ofSeconds(2), Duration.ofSeconds(5))
                    .between(Duration.ofSeconds(4), Duration.ofSeconds(8))
                    .build())
        .hasMessageContaining("windows overlap: 2000ms..5000ms and 4000ms..8000ms");
  }

  @Test
  void aWindowThatEndsBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> rule().between(Duration.ofSeconds(5), Duration.ofSeconds(2)))
        .hasMessageContaining("window to (PT2S) must be later than window from (PT5S)");
    assertThatThrownBy(() -> rule().between(Duration.ofSeconds(-1), Duration.ofSeconds(2)))
        .hasMessageContaining("window from must be zero or positive");
  }

  @Test
  void aRuleWithoutAFaultIsRefused() {
    assertThatThrownBy(() -> FaultRule.builder().build()).hasMessageContaining("faults must name");
  }

  @Test
  void impossibleFaultValuesAreRefused() {
    assertThatThrownBy(() -> Fault.status(200)).hasMessageContaining("status must be 300 to 599");
    assertThatThrownBy(() -> new Fault.HtmlPage(404, null))
        .hasMessageContaining("status must be 200 or 5xx");
    assertThatThrownBy(() -> new Fault.Redirect("127.0.0.2:5000", 307))
        .hasMessageContaining("target must be scheme://host[:port]");
    assertThatThrownBy(() -> new Fault.Redirect("http://h.test", 200))
        .hasMessageContaining("status must be 301, 302, 303, 307 or 308");
    assertThatThrownBy(() -> new Fault.Delay(Duration.ZERO))
        .hasMessageContaining("duration must be a positive duration");
    assertThatThrownBy(() -> rule().method("FETCH").build())
        .hasMessageContaining("method must be one of");
    assertThatThrownBy(() -> rule().repository("").build())
        .hasMessageContaining("repository glob must not be empty");
  }
}
