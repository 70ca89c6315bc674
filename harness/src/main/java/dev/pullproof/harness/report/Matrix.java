package dev.pullproof.harness.report;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Results arranged as scenario rows by version columns, the shape every report shows. */
public final class Matrix {
  /** One scenario's results by version. */
  public record Row(Scenario scenario, Map<ContainerdVersion, RunResult> cells) {
    public Optional<RunResult> cell(ContainerdVersion family) {
      return Optional.ofNullable(cells.get(family));
    }
  }

  private final List<Row> rows;
  private final List<ContainerdVersion> columns;

  public Matrix(List<RunResult> results) {
    Map<String, Row> byId = new LinkedHashMap<>();
    TreeSet<ContainerdVersion> families = new TreeSet<>();
    for (RunResult r : results) {
      byId.computeIfAbsent(r.scenario().id(), id -> new Row(r.scenario(), new TreeMap<>()))
          .cells()
          .put(r.family(), r);
      families.add(r.family());
    }
    this.rows = List.copyOf(byId.values());
    this.columns = new ArrayList<>(families);
  }

  public List<Row> rows() {
    return rows;
  }

  public List<ContainerdVersion> columns() {
    return List.copyOf(columns);
  }
}
