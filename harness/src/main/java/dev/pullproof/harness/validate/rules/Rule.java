package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.NodeContext;
import java.util.List;

/**
 * One static concern about a node's files; rules read, never write, and never throw for bad input.
 */
public interface Rule {
  List<Finding> check(NodeContext node);
}
