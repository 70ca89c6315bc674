package dev.pullproof.harness.world;

import dev.pullproof.harness.scenario.FaultAction;
import dev.pullproof.harness.scenario.FaultSpec;
import dev.pullproof.harness.scenario.HeaderCondition;
import dev.pullproof.registry.fault.Fault;
import dev.pullproof.registry.fault.FaultRule;
import dev.pullproof.registry.fault.HeaderMatch;
import dev.pullproof.registry.fault.TimeWindow;
import java.util.Map;

/**
 * The fault half of {@link WorldInstaller}'s translation: a scenario's fault table as the fake
 * registry's {@link FaultRule}. Used by the installer only, once every host's URL is known.
 */
final class WorldFaults {
  private WorldFaults() {}

  /**
   * @param hosts per host name where it listens; a redirect to a host goes to its url
   */
  static FaultRule rule(FaultSpec f, Map<String, HostAddress> hosts) {
    FaultRule.Builder rule = FaultRule.builder();
    f.name().ifPresent(rule::name);
    f.routes().forEach(route -> Vocabulary.routes(route).forEach(rule::route));
    rule.method(f.methods().toArray(String[]::new));
    f.repository().ifPresent(rule::repository);
    f.reference().ifPresent(rule::reference);
    f.headers().forEach(h -> rule.header(header(h)));
    FaultSpec.Occurs o = f.occurs();
    switch (o.kind()) {
      case FIRST:
        rule.first(o.count());
        break;
      case AFTER:
        rule.after(o.count());
        break;
      case EVERY:
        rule.everyKth(o.count());
        break;
      case CHANCE:
        rule.chance(o.chance(), o.seed());
        break;
      case CHANCE_PER_REQUEST:
        rule.chancePerRequest(o.chance(), o.seed());
        break;
      default:
        break;
    }
    for (FaultSpec.Window w : f.windows()) {
      rule.window(
          w.to().map(to -> TimeWindow.of(w.from(), to)).orElseGet(() -> TimeWindow.from(w.from())));
    }
    for (FaultAction action : f.actions()) {
      rule.fault(fault(action, hosts));
    }
    return rule.build();
  }

  static HeaderMatch header(HeaderCondition h) {
    return switch (h.kind()) {
      case PRESENT -> HeaderMatch.present(h.header());
      case ABSENT -> HeaderMatch.absent(h.header());
      case SCHEME -> HeaderMatch.scheme(h.value());
      case CONTAINS -> HeaderMatch.contains(h.header(), h.value());
      case MATCHES -> HeaderMatch.matches(h.header(), h.value());
    };
  }

  static Fault fault(FaultAction a, Map<String, HostAddress> hosts) {
    if (a instanceof FaultAction.Status s) {
      Fault.Status status = Fault.status(s.code());
      if (s.error().isPresent() || s.message().isPresent()) {
        status =
            status.withCode(
                s.error().map(Vocabulary::error).orElse(status.code()), s.message().orElse(null));
      }
      if (s.retryAfter().isPresent()) {
        status = status.withHeader("Retry-After", Long.toString(s.retryAfter().get().toSeconds()));
      }
      return status;
    } else if (a instanceof FaultAction.Delay d) {
      return new Fault.Delay(d.duration());
    } else if (a instanceof FaultAction.Stall s) {
      return new Fault.Stall(s.afterBytes(), s.duration().orElse(null));
    } else if (a instanceof FaultAction.Reset r) {
      return new Fault.Reset(r.afterBytes());
    } else if (a instanceof FaultAction.Close) {
      return new Fault.Close();
    } else if (a instanceof FaultAction.Truncate t) {
      return new Fault.Truncate(t.afterBytes());
    } else if (a instanceof FaultAction.Corrupt c) {
      return new Fault.Corrupt(c.atByte());
    } else if (a instanceof FaultAction.Bandwidth w) {
      return new Fault.Bandwidth(w.bytesPerSecond());
    } else if (a instanceof FaultAction.Html h) {
      return new Fault.HtmlPage(h.status(), null);
    } else if (a instanceof FaultAction.Redirect r) {
      String target = r.namesRegistry() ? hosts.get(r.target()).url() : r.target();
      return new Fault.Redirect(target, r.status());
    } else if (a instanceof FaultAction.None) {
      return Fault.none();
    }
    // A kind added to the scenario's vocabulary must be mapped here (VocabularyTest).
    throw new IllegalArgumentException("no registry fault for " + a);
  }
}
