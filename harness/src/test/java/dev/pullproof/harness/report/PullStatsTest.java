package dev.pullproof.harness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.harness.run.PullAttempt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullStatsTest {
  @Test
  void twentyPullsGiveSuccessesAndNearestRankPercentilesOverFailedPullsToo() {
    List<PullAttempt> pulls = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      // 20 distinct times, in reverse: 200, 190, ... 10 ms; every third pull fails
      pulls.add(
          Results.attempt(i, i % 3 != 0, i % 3 != 0 ? "" : "synthetic: 503", 0, 210 - 10 * i));
    }

    PullStats stats = PullStats.of(pulls);

    assertThat(stats.attempts()).isEqualTo(20);
    assertThat(stats.successes()).isEqualTo(14);
    assertThat(stats.pulled()).isEqualTo("14/20");
    assertThat(stats.min()).isEqualTo(Duration.ofMillis(10));
    assertThat(stats.median()).isEqualTo(Duration.ofMillis(100)); // rank 10 of 20
    assertThat(stats.p90()).isEqualTo(Duration.ofMillis(180)); // rank 18 of 20
    assertThat(stats.max()).isEqualTo(Duration.ofMillis(200));
    assertThat(stats.times()).isEqualTo("min 10 ms, median 100 ms, p90 180 ms, max 200 ms");
  }

  @Test
  void onePullIsItsOwnMinMedianP90AndMax() {
    PullStats stats = PullStats.of(List.of(Results.attempt(1, false, "synthetic", 0, 42)));

    assertThat(stats.pulled()).isEqualTo("0/1");
    assertThat(stats.times()).isEqualTo("min 42 ms, median 42 ms, p90 42 ms, max 42 ms");
  }

  @Test
  void noPullsHaveNoDistribution() {
    assertThatThrownBy(() -> PullStats.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no pulls to describe");
  }
}
