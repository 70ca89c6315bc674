package dev.pullproof.registry.junit;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.FakeRegistryBuilder;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves parameters of type {@link FakeRegistry} (test and lifecycle methods, test constructors)
 * to a started registry, closed when the JUnit scope it belongs to ends. Two ways to use it:
 *
 * <ul>
 *   <li>{@link FakeRegistryTest} on the class or method: configured by the annotation, one registry
 *       per test (a {@code @BeforeAll} parameter gets one for the whole class).
 *   <li>A {@code @RegisterExtension} field from {@link #perTest} or {@link #perClass}, for all the
 *       builder offers:
 *       <pre>{@code
 * @RegisterExtension
 * static final FakeRegistryExtension REGISTRY =
 *     FakeRegistryExtension.perClass(FakeRegistry.builder().basicAuth(Users.of("alice", "pw")));
 *
 * @BeforeAll
 * static void seed(FakeRegistry registry) { new ImagePublisher(registry.content()).publish(...); }
 *
 * @Test
 * void pulls(FakeRegistry registry) { ... registry.journal().assertRequested(...); }
 * }</pre>
 * </ul>
 *
 * Use one of the two per test class: both would offer to resolve the same parameter. The registry
 * is closed through the JUnit store, which closes {@link AutoCloseable} values when their scope
 * ends. A per-test builder is started again for each test, so tests sharing it must not run
 * concurrently; use {@link #perClass} then.
 */
public final class FakeRegistryExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeRegistryExtension.class);
  private static final String BUILT = "built-registry";

  private final FakeRegistryBuilder builder;
  private final boolean perClass;

  /** The extension {@link FakeRegistryTest} registers: configured by that annotation. */
  public FakeRegistryExtension() {
    this(null, false);
  }

  private FakeRegistryExtension(FakeRegistryBuilder builder, boolean perClass) {
    this.builder = builder;
    this.perClass = perClass;
  }

  /** A fresh registry from {@code builder} for every test, closed after it. */
  public static FakeRegistryExtension perTest(FakeRegistryBuilder builder) {
    return new FakeRegistryExtension(require(builder), false);
  }

  /** One registry from {@code builder} for all tests of the class, closed after the last. */
  public static FakeRegistryExtension perClass(FakeRegistryBuilder builder) {
    return new FakeRegistryExtension(require(builder), true);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeRegistry.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (builder == null) {
      FakeRegistryTest config = annotation(context);
      // Keyed by the annotation's values: a method with its own annotation gets its own registry,
      // one inheriting the class's finds a class-wide registry (from @BeforeAll) if there is one.
      return started(context, config, key -> AnnotationConfig.start(config));
    }
    if (perClass) {
      return started(classContext(context), BUILT, key -> builder.start());
    }
    if (context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException(
          "a per-test FakeRegistry cannot be given to "
              + parameter.getDeclaringExecutable()
              + ", which outlives single tests; use FakeRegistryExtension.perClass(...)");
    }
    return started(context, BUILT, key -> builder.start());
  }

  /** Constructor parameters of per-method test instances belong to that test, not the class. */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  private static FakeRegistry started(
      ExtensionContext context, Object key, Function<Object, FakeRegistry> start) {
    return context.getStore(NAMESPACE).computeIfAbsent(key, start, FakeRegistry.class);
  }

  private static FakeRegistryTest annotation(ExtensionContext context) {
    for (Optional<ExtensionContext> at = Optional.of(context);
        at.isPresent();
        at = at.get().getParent()) {
      Optional<FakeRegistryTest> found =
          AnnotationSupport.findAnnotation(at.get().getElement(), FakeRegistryTest.class);
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new ParameterResolutionException(
        "FakeRegistryExtension has no configuration for "
            + context.getDisplayName()
            + ": annotate the test with @FakeRegistryTest or register"
            + " FakeRegistryExtension.perTest(builder) / perClass(builder)");
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext at = context;
    while (at.getTestMethod().isPresent() && at.getParent().isPresent()) {
      at = at.getParent().get();
    }
    return at;
  }

  private static FakeRegistryBuilder require(FakeRegistryBuilder builder) {
    if (builder == null) {
      throw new IllegalArgumentException("builder is required, e.g. FakeRegistry.builder()");
    }
    return builder;
  }
}
