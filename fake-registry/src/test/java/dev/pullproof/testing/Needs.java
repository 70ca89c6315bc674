package dev.pullproof.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an integration test class needs from the machine, checked once before the class runs. When
 * something is missing the whole class is skipped with one line saying what and how to get it; with
 * {@code PULLPROOF_REQUIRE_DOCKER=1} or {@code PULLPROOF_REQUIRE_CLIENTS=1} (both set by {@code
 * ci/test}) it fails instead, so CI cannot pass by skipping.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Prerequisites.Check.class)
public @interface Needs {
  /** A Docker engine answering at {@code DOCKER_HOST}, else {@code /var/run/docker.sock}. */
  boolean docker() default false;

  /**
   * Client binaries, each on {@code PATH}, in {@code $PULLPROOF_CACHE/tools/bin} or in a {@code
   * .cache/tools/bin} above the working directory.
   */
  String[] clients() default {};
}
