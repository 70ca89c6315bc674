package dev.pullproof.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {
  @Test
  void shardsAreDisjointCoverEverythingAndDifferInSizeByAtMostOne() {
    for (int n = 1; n <= 7; n++) {
      for (int size = 0; size <= 23; size++) {
        List<Integer> items = IntStream.range(0, size).boxed().toList();
        List<Integer> all = new ArrayList<>();
        Set<Integer> sizes = new HashSet<>();
        for (int k = 1; k <= n; k++) {
          List<Integer> mine = new Shard(k, n).select(items);
          all.addAll(mine);
          sizes.add(mine.size());
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(items);
        assertThat(
                sizes.stream().mapToInt(i -> i).max().orElse(0)
                    - sizes.stream().mapToInt(i -> i).min().orElse(0))
            .isLessThanOrEqualTo(1);
      }
    }
  }

  @Test
  void theSplitIsDealtRoundRobinInOrder() {
    List<String> ids = List.of("a", "b", "c", "d", "e");
    assertThat(Shard.parse("1/2").select(ids)).containsExactly("a", "c", "e");
    assertThat(Shard.parse("2/2").select(ids)).containsExactly("b", "d");
    assertThat(Shard.parse(" 3/3 ").select(ids)).containsExactly("c");
  }

  @Test
  void badShardsSayHowToWriteOne() {
    assertThatThrownBy(() -> Shard.parse("3")).hasMessageContaining("K/N, e.g. 2/4");
    assertThatThrownBy(() -> Shard.parse("a/b")).hasMessageContaining("K/N");
    assertThatThrownBy(() -> Shard.parse("0/2")).hasMessageContaining("1 <= K <= N, got 0/2");
    assertThatThrownBy(() -> Shard.parse("3/2")).hasMessageContaining("got 3/2");
  }
}
