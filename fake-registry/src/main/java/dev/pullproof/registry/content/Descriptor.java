package dev.pullproof.registry.content;

import dev.pullproof.registry.protocol.Digest;

/** An OCI content descriptor: what a manifest says about a blob or another manifest. */
public record Descriptor(String mediaType, Digest digest, long size) {
  public Descriptor {
    if (mediaType == null || mediaType.isBlank()) {
      throw new IllegalArgumentException("descriptor mediaType must not be blank");
    }
    if (digest == null) {
      throw new IllegalArgumentException("descriptor digest must not be null");
    }
    if (size < 0) {
      throw new IllegalArgumentException("descriptor size must not be negative, was " + size);
    }
  }
}
