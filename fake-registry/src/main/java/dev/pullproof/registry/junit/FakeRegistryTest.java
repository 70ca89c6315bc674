package dev.pullproof.registry.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives every {@code FakeRegistry} parameter of a test method (or of the test constructor, or of a
 * lifecycle method) a started registry on 127.0.0.1, port 0, configured by this annotation and
 * closed once that test is done. On a method it overrides the class's annotation.
 *
 * <pre>{@code
 * @FakeRegistryTest(
 *     auth = FakeRegistryTest.AuthMode.BASIC,
 *     users = "alice:s3cret",
 *     images = @FakeRegistryTest.Image(repository = "library/app", tag = "1.0", layers = 1024))
 * class PullTest {
 *   @Test
 *   void pullsTheImage(FakeRegistry registry) {
 *     // pull registry.hostAndPort() + "/library/app:1.0" as alice
 *     registry.journal().assertRequested("GET /v2/library/app/manifests/1.0 -> 200");
 *   }
 * }
 * }</pre>
 *
 * For anything else the builder offers (TLS, faults, mirrors, grants), or one registry per class,
 * register a {@link FakeRegistryExtension} built from a builder instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeRegistryExtension.class)
public @interface FakeRegistryTest {

  /** How clients must authenticate. */
  AuthMode auth() default AuthMode.NONE;

  /** The users of basic or token auth, each {@code name:password}. */
  String[] users() default {};

  /** Synthetic images published before the test sees the registry. */
  Image[] images() default {};

  /** The authentication modes; {@code TOKEN} serves its token endpoint at {@code /token}. */
  enum AuthMode {
    /** Every request allowed, anonymous. */
    NONE,
    /** {@code 401} with a Basic challenge; the users may pull, push and delete. */
    BASIC,
    /** {@code 401} with a Bearer challenge naming this server's {@code /token}. */
    TOKEN
  }

  /** One single-platform (linux/amd64) OCI image, deterministic for its layer sizes. */
  @Target({})
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @interface Image {
    /** The repository, e.g. {@code library/app}. */
    String repository();

    /** The tag pointing at the image. */
    String tag() default "latest";

    /** Sizes of the layers' uncompressed content in bytes, one per layer. */
    long[] layers() default {1024};
  }
}
