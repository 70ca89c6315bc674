package dev.pullproof.registry.content;

import dev.pullproof.registry.protocol.Digest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Everything one synthetic layer's bytes depend on; equal recipes give byte-identical layers, so
 * the recipe is also the key under which generated layers are remembered.
 *
 * @param index zero-based position in the image, base layer first
 * @param size bytes of random content in the layer's data file
 */
record LayerRecipe(String imageName, long imageSeed, Platform platform, int index, long size) {

  LayerRecipe {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative, was " + index);
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative, was " + size);
    }
  }

  /**
   * The seed of this layer's random stream. Hashing every input keeps layers of different platforms
   * and positions unrelated even for adjacent image seeds.
   */
  long randomSeed() {
    String identity = imageName + "\n" + imageSeed + "\n" + platform + "\n" + index;
    byte[] hash = Digest.newSha256().digest(identity.getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(hash).getLong();
  }

  /** The directory holding every layer's files. */
  static String directory() {
    return "pullproof/";
  }

  String dataPath() {
    return directory() + "layer-" + (index + 1) + ".bin";
  }

  String notePath() {
    return directory() + "layer-" + (index + 1) + ".txt";
  }

  /** The small text file naming the image, so a pulled filesystem says where it came from. */
  byte[] note() {
    return ("pullproof synthetic image "
            + imageName
            + "\nseed "
            + imageSeed
            + "\nplatform "
            + platform
            + "\nlayer "
            + (index + 1)
            + ": "
            + size
            + " random bytes in "
            + dataPath()
            + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The config history line for this layer. */
  String history() {
    return "pullproof synthetic layer " + (index + 1) + ": " + size + " random bytes";
  }
}
