package dev.pullproof.registry.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a synthetic image looks like. Every blob and digest is a pure function of the spec, so the
 * same spec yields byte-identical images on every run. A layer depends only on the name, seed,
 * platform, its position and its size, so specs sharing those share base layers.
 *
 * @param name written into each layer and the config's labels
 * @param seed drives the pseudo-random layer content
 * @param layerSizes bytes of random file content per layer, base layer first
 * @param format which manifest representations the tag gets
 * @param platforms one platform gives a plain image manifest; several give an index whose
 *     platforms' layers differ
 * @param env the config's {@code Env}, {@code KEY=value} entries
 * @param entrypoint the config's {@code Entrypoint}; empty leaves it out
 * @param cmd the config's {@code Cmd}; empty leaves it out
 */
public record ImageSpec(
    String name,
    long seed,
    List<Long> layerSizes,
    ImageFormat format,
    List<Platform> platforms,
    List<String> env,
    List<String> entrypoint,
    List<String> cmd) {

  public static final String DEFAULT_NAME = "pullproof-synthetic";
  public static final List<String> DEFAULT_ENV =
      List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
  public static final List<String> DEFAULT_CMD = List.of("/bin/sh");

  public ImageSpec {
    if (name == null
        || name.isBlank()
        || name.length() > 128
        || name.chars().anyMatch(c -> c < 32)) {
      throw new IllegalArgumentException("name must be 1 to 128 printable characters: " + name);
    }
    layerSizes = copy("layerSizes", layerSizes);
    if (layerSizes.isEmpty()) {
      throw new IllegalArgumentException("layerSizes must name at least one layer");
    }
    for (long size : layerSizes) {
      if (size < 0) {
        throw new IllegalArgumentException("layerSizes must not be negative, was " + size);
      }
    }
    if (format == null) {
      throw new IllegalArgumentException("format must be OCI, DOCKER or BOTH, was null");
    }
    platforms = copy("platforms", platforms);
    if (platforms.isEmpty() || new HashSet<>(platforms).size() != platforms.size()) {
      throw new IllegalArgumentException("platforms must be non-empty and distinct: " + platforms);
    }
    env = copy("env", env);
    for (String entry : env) {
      if (entry.indexOf('=') <= 0) {
        throw new IllegalArgumentException("env entries must look like KEY=value, was " + entry);
      }
    }
    entrypoint = copy("entrypoint", entrypoint);
    cmd = copy("cmd", cmd);
  }

  /** A builder for one linux/amd64 OCI image with seed 0, no layers yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this spec, for variations. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.seed = seed;
    b.layerSizes.addAll(layerSizes);
    b.format = format;
    b.platforms = platforms;
    b.env = env;
    b.entrypoint = entrypoint;
    b.cmd = cmd;
    return b;
  }

  /** True when the tag resolves to an index rather than a single image manifest. */
  public boolean multiPlatform() {
    return platforms.size() > 1;
  }

  private static <T> List<T> copy(String field, List<T> values) {
    if (values == null || values.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(field + " must be a list without nulls: " + values);
    }
    return List.copyOf(values);
  }

  /** Builds an {@link ImageSpec}; validation happens in {@link #build()}. */
  public static final class Builder {
    private String name = DEFAULT_NAME;
    private long seed;
    private final List<Long> layerSizes = new ArrayList<>();
    private ImageFormat format = ImageFormat.OCI;
    private List<Platform> platforms = List.of(Platform.LINUX_AMD64);
    private List<String> env = DEFAULT_ENV;
    private List<String> entrypoint = List.of();
    private List<String> cmd = DEFAULT_CMD;

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Appends a layer holding a file of this many random bytes. */
    public Builder layer(long bytes) {
      layerSizes.add(bytes);
      return this;
    }

    /** Appends one layer per size. */
    public Builder layers(long... bytes) {
      for (long b : bytes) {
        layer(b);
      }
      return this;
    }

    public Builder format(ImageFormat format) {
      this.format = format;
      return this;
    }

    /** A single-platform image (the default is linux/amd64). */
    public Builder platform(Platform platform) {
      return platforms(platform);
    }

    /** One platform gives an image manifest, several an index. */
    public Builder platforms(Platform... platforms) {
      this.platforms = Arrays.asList(platforms);
      return this;
    }

    /** A multi-arch index for linux/amd64 and linux/arm64. */
    public Builder multiArch() {
      return platforms(Platform.LINUX_AMD64, Platform.LINUX_ARM64);
    }

    public Builder env(String... env) {
      this.env = Arrays.asList(env);
      return this;
    }

    public Builder entrypoint(String... entrypoint) {
      this.entrypoint = Arrays.asList(entrypoint);
      return this;
    }

    public Builder cmd(String... cmd) {
      this.cmd = Arrays.asList(cmd);
      return this;
    }

    public ImageSpec build() {
      return new ImageSpec(name, seed, layerSizes, format, platforms, env, entrypoint, cmd);
    }
  }
}
