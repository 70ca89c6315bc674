package dev.pullproof.helper;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The helper stands alone and starts fast: it never reaches into the fake registry, picocli lives
 * only in the install command (off the call path), and the script model knows no protocol.
 */
@AnalyzeClasses(
    packages = "dev.pullproof.helper",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String ROOT = "dev.pullproof.helper";

  @ArchTest
  static final ArchRule standsAlone =
      noClasses().should().dependOnClassesThat().resideInAPackage("dev.pullproof.registry..");

  @ArchTest
  static final ArchRule picocliOnlyInInstall =
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT + ".install..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("picocli..");

  @ArchTest
  static final ArchRule scriptKnowsNoProtocol =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".script..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".docker..", ROOT + ".kubelet..", ROOT + ".log..", ROOT + ".install..");
}
