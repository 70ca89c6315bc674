package dev.pullproof.registry.content;

import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.RepositoryName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link OciLayoutImporter} stored.
 *
 * @param manifests the layout's index.json entries, in file order
 * @param tags each tag set, with its representations in the order they were added
 */
public record ImportedLayout(
    RepositoryName repository, List<Descriptor> manifests, Map<String, List<Digest>> tags) {

  public ImportedLayout {
    manifests = List.copyOf(manifests);
    Map<String, List<Digest>> copy = new LinkedHashMap<>();
    tags.forEach((tag, digests) -> copy.put(tag, List.copyOf(digests)));
    tags = Collections.unmodifiableMap(copy);
  }
}
