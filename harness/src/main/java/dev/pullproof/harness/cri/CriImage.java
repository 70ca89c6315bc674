package dev.pullproof.harness.cri;

import java.util.List;

/** An image as the CRI image service lists it: id (config digest), tags, digests, size. */
public record CriImage(String id, List<String> repoTags, List<String> repoDigests, long size) {
  public CriImage {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("id is required");
    }
    repoTags = List.copyOf(repoTags);
    repoDigests = List.copyOf(repoDigests);
  }
}
