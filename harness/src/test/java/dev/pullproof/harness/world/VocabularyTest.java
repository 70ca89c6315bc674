package dev.pullproof.harness.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.scenario.FaultAction;
import dev.pullproof.harness.scenario.FaultRoute;
import dev.pullproof.harness.scenario.ImageEntry;
import dev.pullproof.harness.scenario.SpecErrorCode;
import dev.pullproof.harness.scenario.Template;
import dev.pullproof.harness.scenario.TlsSpec;
import dev.pullproof.registry.content.ImageFormat;
import dev.pullproof.registry.fault.Fault;
import dev.pullproof.registry.fault.RouteKind;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.tls.TlsMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract between the scenario's words and the fake registry's: every word a scenario can
 * write becomes registry behaviour, and every behaviour the registry has can be written.
 */
class VocabularyTest {
  private static final Map<String, HostAddress> HOSTS =
      Map.of("cdn", HostAddress.of(Optional.empty(), false, "127.0.0.9", 5000));

  /** One of each scenario fault kind, with the registry fault it must become. */
  private static final Map<FaultAction, Class<? extends Fault>> ACTIONS =
      Map.ofEntries(
          Map.entry(
              new FaultAction.Status(429, Optional.empty(), Optional.empty(), Optional.empty()),
              Fault.Status.class),
          Map.entry(new FaultAction.Delay(Duration.ofMillis(5)), Fault.Delay.class),
          Map.entry(new FaultAction.Stall(10, Optional.empty()), Fault.Stall.class),
          Map.entry(new FaultAction.Reset(0), Fault.Reset.class),
          Map.entry(new FaultAction.Close(), Fault.Close.class),
          Map.entry(new FaultAction.Truncate(10), Fault.Truncate.class),
          Map.entry(new FaultAction.Corrupt(0), Fault.Corrupt.class),
          Map.entry(new FaultAction.Bandwidth(1024), Fault.Bandwidth.class),
          Map.entry(new FaultAction.Html(503), Fault.HtmlPage.class),
          Map.entry(new FaultAction.Redirect("cdn", 307), Fault.Redirect.class),
          Map.entry(new FaultAction.None(), Fault.None.class));

  @Test
  void everyScenarioFaultKindBecomesItsRegistryFault() {
    Set<Class<?>> covered =
        ACTIONS.keySet().stream().map(Object::getClass).collect(Collectors.toSet());
    assertThat(covered).containsExactlyInAnyOrder(FaultAction.class.getPermittedSubclasses());
    ACTIONS.forEach(
        (action, fault) -> assertThat(WorldFaults.fault(action, HOSTS)).isInstanceOf(fault));
  }

  @Test
  void aRedirectToAHostOfTheWorldGoesToItsUrl() {
    assertThat(WorldFaults.fault(new FaultAction.Redirect("cdn", 307), HOSTS))
        .isEqualTo(new Fault.Redirect("http://127.0.0.9:5000", 307));
  }

  @Test
  void everyRegistryRouteCanBeNamedAndManifestIsAllThreeManifestRoutes() {
    Set<RouteKind> reachable =
        Arrays.stream(FaultRoute.values())
            .flatMap(r -> Vocabulary.routes(r).stream())
            .collect(Collectors.toSet());
    assertThat(reachable).containsExactlyInAnyOrder(RouteKind.values());
    assertThat(Vocabulary.routes(FaultRoute.MANIFEST))
        .containsExactly(RouteKind.MANIFEST_HEAD, RouteKind.MANIFEST_GET, RouteKind.MANIFEST_WRITE);
    for (FaultRoute route : FaultRoute.values()) {
      if (route != FaultRoute.MANIFEST) {
        assertThat(Vocabulary.routes(route))
            .extracting(RouteKind::label)
            .containsExactly(route.label());
      }
    }
  }

  @Test
  void everyErrorCodeIsTheRegistrysCodeOfTheSameNameAndEveryRegistryCodeCanBeNamed() {
    for (SpecErrorCode code : SpecErrorCode.values()) {
      assertThat(Vocabulary.error(code).name()).isEqualTo(code.name());
    }
    assertThat(SpecErrorCode.names())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
  }

  @Test
  void everyImageFormatAndTlsModeMapsAndEveryRegistryOneCanBeNamed() {
    assertThat(Arrays.stream(ImageEntry.Format.values()).map(Vocabulary::format))
        .containsExactlyInAnyOrder(ImageFormat.values());
    assertThat(Arrays.stream(TlsSpec.Mode.values()).map(Vocabulary::tls))
        .containsExactlyInAnyOrder(TlsMode.values());
    assertThat(
            Arrays.stream(dev.pullproof.harness.scenario.WrongProtocol.values())
                .map(Vocabulary::wrongProtocol))
        .containsExactlyInAnyOrder(dev.pullproof.registry.tls.WrongProtocolReply.values());
  }

  @Test
  void everyTemplateAttributeHasAValueInAStartedWorld() {
    TlsFiles tls = new TlsFiles("/a", "/b", "/c", "pa", "pb", "pc");
    Template.Values values = World.values(HOSTS, Optional.of(tls));
    for (String attribute : Template.ATTRIBUTES) {
      assertThat(values.value("cdn", attribute)).as(attribute).isPresent();
    }
    for (String attribute : Template.TLS_ATTRIBUTES) {
      assertThat(values.value(Template.TLS, attribute)).as(attribute).isPresent();
    }
    assertThat(values.value("cdn", "nope")).isEmpty();
    assertThat(values.value("elsewhere", "url")).isEmpty();
    assertThat(List.of(values.value("cdn", "address").orElseThrow()))
        .containsExactly("127.0.0.9:5000");
  }
}
