package dev.pullproof.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering a newcomer should see in the packages: protocol values at the bottom; the exchange's
 * attachments above them; content, journal and auth on top of those; the HTTP handlers composing
 * them, with faults, Hub emulation and the mirror as steps plugged into their chain; the CLI and
 * the {@code FakeRegistry} entry type on top, and the JUnit extension above it. Nothing reaches
 * upward, and no two packages depend on each other.
 */
@AnalyzeClasses(
    packages = "dev.pullproof.registry",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String ROOT = "dev.pullproof.registry";

  @ArchTest
  static final ArchRule protocolIsSelfContained =
      classes()
          .that()
          .resideInAPackage(ROOT + ".protocol..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(ROOT + ".protocol..", "java..");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("dev.pullproof.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule exchangeKeysKnowOnlyProtocol =
      classes()
          .that()
          .resideInAPackage(ROOT + ".internal.exchange..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".internal.exchange..", ROOT + ".protocol..", "java..", "io.undertow..");

  @ArchTest
  static final ArchRule contentKnowsOnlyProtocol =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".content..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".internal..",
              ROOT + ".auth..",
              ROOT + ".journal..",
              ROOT + ".cli..",
              "io.undertow..");

  @ArchTest
  static final ArchRule journalKnowsOnlyProtocol =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".journal..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".internal..",
              ROOT + ".auth..",
              ROOT + ".content..",
              ROOT + ".cli..",
              "io.undertow..");

  /** Auth writes the principal through the exchange keys; the handlers call auth, never back. */
  @ArchTest
  static final ArchRule authKnowsNoHandlers =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".auth..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".internal.http..", ROOT + ".content..", ROOT + ".journal..", ROOT + ".cli..");

  @ArchTest
  static final ArchRule nothingBelowReachesUp =
      noClasses()
          .that()
          .resideInAnyPackage(
              ROOT + ".protocol..",
              ROOT + ".content..",
              ROOT + ".journal..",
              ROOT + ".auth..",
              ROOT + ".internal..",
              ROOT + ".mirror..",
              ROOT + ".tls..",
              ROOT + ".world..",
              ROOT + ".fault..",
              ROOT + ".hub..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ROOT, ROOT + ".cli..");

  @ArchTest
  static final ArchRule tlsAndWorldStandAlone =
      classes()
          .that()
          .resideInAnyPackage(ROOT + ".tls..", ROOT + ".world..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".tls..", ROOT + ".world..", "java..", "javax..", "org.bouncycastle..");

  @ArchTest
  static final ArchRule mirrorSitsBesideTheHandlers =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".mirror..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".auth..", ROOT + ".internal.http..", ROOT + ".journal..", ROOT + ".world..");

  /** The JUnit extension sits on top of everything; the library itself runs without JUnit. */
  @ArchTest
  static final ArchRule nothingDependsOnTheJunitExtension =
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT + ".junit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ROOT + ".junit..", "org.junit..");

  /**
   * Faults, Hub emulation and the mirror are handlers the entry type plugs into the chain; the
   * handlers never know them.
   */
  @ArchTest
  static final ArchRule handlersDoNotKnowFaultsOrHub =
      noClasses()
          .that()
          .resideInAnyPackage(
              ROOT + ".protocol..",
              ROOT + ".content..",
              ROOT + ".journal..",
              ROOT + ".auth..",
              ROOT + ".internal..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ROOT + ".fault..", ROOT + ".hub..", ROOT + ".mirror..");
}
