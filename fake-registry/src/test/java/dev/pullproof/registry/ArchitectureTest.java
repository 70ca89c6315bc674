package dev.pullproof.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering a newcomer should see in the packages: protocol values at the bottom; content,
 * journal and auth on top of them; the HTTP handlers composing those; the CLI and the {@code
 * FakeRegistry} entry type on top, and the JUnit extension above it. Nothing reaches upward.
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
  static final ArchRule contentKnowsOnlyProtocol =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".content..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".http..",
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
              ROOT + ".http..",
              ROOT + ".auth..",
              ROOT + ".content..",
              ROOT + ".cli..",
              "io.undertow..");

  @ArchTest
  static final ArchRule authUsesOnlyTheExchangeKeysOfHttp =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".auth..")
          .should()
          .dependOnClassesThat(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "HTTP handlers, content, journal or CLI",
                  c ->
                      (c.getPackageName().startsWith(ROOT + ".http")
                              && !c.getSimpleName().equals("Exchanges"))
                          || c.getPackageName().startsWith(ROOT + ".content")
                          || c.getPackageName().startsWith(ROOT + ".journal")
                          || c.getPackageName().startsWith(ROOT + ".cli")));

  @ArchTest
  static final ArchRule nothingBelowReachesUp =
      noClasses()
          .that()
          .resideInAnyPackage(
              ROOT + ".protocol..",
              ROOT + ".content..",
              ROOT + ".journal..",
              ROOT + ".auth..",
              ROOT + ".http..",
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
          .resideInAnyPackage(ROOT + ".auth..", ROOT + ".journal..", ROOT + ".world..");

  /** The JUnit extension sits on top of everything; the library itself runs without JUnit. */
  @ArchTest
  static final ArchRule nothingDependsOnTheJunitExtension =
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT + ".junit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ROOT + ".junit..", "org.junit..");

  /** Faults and Hub emulation plug into the handlers through RouteFilter; never the reverse. */
  @ArchTest
  static final ArchRule handlersDoNotKnowFaultsOrHub =
      noClasses()
          .that()
          .resideInAnyPackage(
              ROOT + ".protocol..",
              ROOT + ".content..",
              ROOT + ".journal..",
              ROOT + ".auth..",
              ROOT + ".http..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ROOT + ".fault..", ROOT + ".hub..");
}
