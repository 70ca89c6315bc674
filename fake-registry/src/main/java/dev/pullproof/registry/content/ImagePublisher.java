package dev.pullproof.registry.content;

import dev.pullproof.registry.protocol.Digest;
import dev.pullproof.registry.protocol.Reference;
import dev.pullproof.registry.protocol.RegistryException;
import dev.pullproof.registry.protocol.RepositoryName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds synthetic images from {@link ImageSpec}s and stores them as a push would: blobs, then
 * per-platform manifests, then the index, then the tag. Keep one publisher per {@link
 * RegistryContent}: it remembers the layers it generated, so publishing a spec again, or into
 * another repository, reuses the stored blobs instead of regenerating them. Thread safe.
 */
public final class ImagePublisher {
  private final RegistryContent content;
  private final Map<LayerRecipe, LayerWriter.Layer> layers = new ConcurrentHashMap<>();

  public ImagePublisher(RegistryContent content) {
    this.content = content;
  }

  /** Stores the image in the repository and points the tag at it (replacing what it pointed at). */
  public PublishedImage publish(RepositoryName repository, String tag, ImageSpec spec) {
    requireTag(tag);
    Repository repo = content.repository(repository);
    List<Built> built = new ArrayList<>();
    for (Platform platform : spec.platforms()) {
      Built image = build(spec, platform);
      repo.linkBlob(image.config());
      image.layers().forEach(layer -> repo.linkBlob(layer.digest()));
      built.add(image);
    }
    List<PublishedImage.Representation> representations = new ArrayList<>();
    for (ManifestFlavor flavor : spec.format().flavors()) {
      representations.add(storeManifests(repository, flavor, built, spec.multiPlatform()));
    }
    repo.tag(tag, representations.get(0).manifest().digest());
    for (PublishedImage.Representation extra : representations.subList(1, representations.size())) {
      repo.addRepresentation(tag, extra.manifest().digest());
    }
    return new PublishedImage(repository, tag, representations);
  }

  /** A platform's stored blobs, before any flavor gives them media types. */
  private record Built(
      Platform platform,
      Digest config,
      long configSize,
      List<LayerWriter.Layer> layers,
      List<Digest> diffIds) {}

  private Built build(ImageSpec spec, Platform platform) {
    List<LayerRecipe> recipes = new ArrayList<>();
    List<LayerWriter.Layer> generated = new ArrayList<>();
    for (int i = 0; i < spec.layerSizes().size(); i++) {
      LayerRecipe recipe =
          new LayerRecipe(spec.name(), spec.seed(), platform, i, spec.layerSizes().get(i));
      recipes.add(recipe);
      generated.add(layer(recipe));
    }
    List<Digest> diffIds = generated.stream().map(LayerWriter.Layer::diffId).toList();
    byte[] config = ImageDocuments.config(spec, platform, recipes, diffIds);
    Digest configDigest = content.blobs().put(config);
    return new Built(platform, configDigest, config.length, generated, diffIds);
  }

  /** The stored layer, generated only when this publisher has not already stored it. */
  private LayerWriter.Layer layer(LayerRecipe recipe) {
    LayerWriter.Layer known = layers.get(recipe);
    if (known != null && content.blobs().contains(known.digest())) {
      return known;
    }
    LayerWriter.Layer fresh = LayerWriter.write(recipe, content.blobs());
    layers.put(recipe, fresh);
    return fresh;
  }

  private PublishedImage.Representation storeManifests(
      RepositoryName repository, ManifestFlavor flavor, List<Built> built, boolean index) {
    List<PublishedImage.PlatformImage> images = new ArrayList<>();
    for (Built image : built) {
      Descriptor config = new Descriptor(flavor.configType(), image.config(), image.configSize());
      List<Descriptor> layerDescriptors =
          image.layers().stream()
              .map(l -> new Descriptor(flavor.layerType(), l.digest(), l.size()))
              .toList();
      Descriptor manifest =
          store(
              repository,
              flavor.manifestType(),
              ImageDocuments.manifest(flavor, config, layerDescriptors));
      images.add(
          new PublishedImage.PlatformImage(
              image.platform(), manifest, config, layerDescriptors, image.diffIds()));
    }
    Descriptor top =
        index
            ? store(repository, flavor.indexType(), ImageDocuments.index(flavor, images))
            : images.get(0).manifest();
    return new PublishedImage.Representation(flavor, top, images);
  }

  private Descriptor store(RepositoryName repository, String mediaType, byte[] json) {
    StoredManifest stored = content.putManifest(repository, ManifestParser.parse(json, mediaType));
    return new Descriptor(mediaType, stored.digest(), json.length);
  }

  private static void requireTag(String tag) {
    try {
      new Reference.Tag(tag);
    } catch (RegistryException e) {
      throw new IllegalArgumentException(
          "tag must match [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}, was " + tag, e);
    }
  }
}
