package dev.pullproof.registry.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.content.PublishedImage;
import dev.pullproof.registry.protocol.RepositoryName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A client that fetches blobs in parallel sends them in a different order each time. A chance
 * decided by arrival position then hits different blobs each run; decided per request (method,
 * route, repository, reference and the how-many-th time that request came), each blob meets the
 * same decision whatever the order.
 */
class PerRequestChanceTest {
  private static final int LAYERS = 8;

  @Test
  void perRequestDecisionsDoNotDependOnArrivalOrder() throws Exception {
    Map<String, String> inOrder = decisions(true, false);
    Map<String, String> reversed = decisions(true, true);

    assertThat(inOrder.values()).as("some fire, some do not").contains("503", "200");
    assertThat(reversed).isEqualTo(inOrder);
  }

  @Test
  void arrivalOrderDecisionsMoveWithTheOrder() throws Exception {
    // The contrast: the same seed by arrival gives other blobs the 503 once the order changes.
    assertThat(decisions(false, true)).isNotEqualTo(decisions(false, false));
  }

  @Test
  void theJournalNamesTheKeying() throws Exception {
    assertThat(Occurrence.chancePerRequest(0.4, 7).toString())
        .isEqualTo("p=0.4 seed=7 per request");
  }

  /** Each layer fetched twice; "path #k" -> status of its k-th fetch. */
  private static Map<String, String> decisions(boolean perRequest, boolean reverse)
      throws Exception {
    FaultRule.Builder rule = FaultRule.builder().route(RouteKind.BLOB).method("GET");
    rule = perRequest ? rule.chancePerRequest(0.5, 11) : rule.chance(0.5, 11);
    try (FakeRegistry registry =
        FakeRegistry.builder().fault(rule.fault(Fault.status(503)).build()).start()) {
      long[] sizes = new long[LAYERS];
      java.util.Arrays.fill(sizes, 1024);
      PublishedImage image =
          new ImagePublisher(registry.content())
              .publish(
                  RepositoryName.of("library/app"),
                  "1.0",
                  ImageSpec.builder().layers(sizes).build());
      List<String> paths = new ArrayList<>();
      image
          .representations()
          .get(0)
          .platforms()
          .get(0)
          .layers()
          .forEach(l -> paths.add("/v2/library/app/blobs/" + l.digest()));
      if (reverse) {
        Collections.reverse(paths);
      }
      Map<String, Integer> seen = new HashMap<>();
      Map<String, String> out = new TreeMap<>();
      for (int round = 0; round < 2; round++) {
        for (String path : paths) {
          int status = Probe.get(registry, path, 10_000).status();
          out.put(path + " #" + seen.merge(path, 1, Integer::sum), Integer.toString(status));
        }
      }
      registry.journal().awaitQuiet(Duration.ofSeconds(10));
      return out;
    }
  }
}
