package dev.pullproof.helper;

import dev.pullproof.helper.json.Json;
import dev.pullproof.helper.script.Rule;
import dev.pullproof.helper.script.Step;
import java.nio.file.Path;

/**
 * Picks a rule's step for this call: counts the calls each rule has taken in the script's counter
 * file (shared by every process using the script), so "fail twice, then answer" holds across
 * separate helper processes. Delete the counter file to start over.
 */
public final class Sequences {
  private final LockedJsonFile counters;

  public Sequences(Path file, Json json) {
    this.counters = new LockedJsonFile(file, json);
  }

  public Step next(Rule rule) {
    if (rule.steps().size() == 1) {
      return rule.steps().get(0);
    }
    long call =
        counters
            .change(o -> o.put(rule.key(), o.path(rule.key()).asLong(0) + 1))
            .path(rule.key())
            .asLong(0);
    return rule.stepFor(call);
  }
}
