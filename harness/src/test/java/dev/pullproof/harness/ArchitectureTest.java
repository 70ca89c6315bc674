package dev.pullproof.harness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The harness layering: the version model is the bottom, read by every part; the scenario model is
 * pure data and parsing; the runner builds on it; the reports read results; the CLI sits on top.
 * Only the runner's WorldInstaller builds fake registries.
 */
@AnalyzeClasses(
    packages = "dev.pullproof.harness",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String ROOT = "dev.pullproof.harness";

  /** Release lines and their facts: any part may read them; they read only the JDK. */
  @ArchTest
  static final ArchRule versionModelDependsOnNothingElse =
      classes()
          .that()
          .resideInAPackage(ROOT + ".version..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(ROOT + ".version..", "java..");

  @ArchTest
  static final ArchRule scenarioModelIsPure =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".scenario..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".run..",
              ROOT + ".report..",
              ROOT + ".cli..",
              "dev.pullproof.registry",
              "dev.pullproof.registry.journal..",
              "dev.pullproof.registry.http..",
              "dev.pullproof.registry.auth..",
              "io.undertow..");

  /**
   * The registry's journal becomes the harness's request record in World alone; verdicts, reports
   * and validate read that record. (The CLI's world command serves live registries and exports
   * their journals in the registry's own JSON.)
   */
  @ArchTest
  static final ArchRule onlyTheWorldReadsTheRegistrysJournal =
      noClasses()
          .that()
          .doNotHaveSimpleName("World")
          .and()
          .doNotHaveSimpleName("WorldCommand")
          .and()
          .resideInAPackage(ROOT + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.pullproof.registry.journal..");

  @ArchTest
  static final ArchRule runnerKnowsNoReportsOrCli =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".run..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ROOT + ".report..", ROOT + ".cli..");

  /** The runner sees containerd only through Node/NodeFactory; the node package adapts it. */
  @ArchTest
  static final ArchRule runnerKnowsContainerdOnlyThroughTheNodeSeam =
      noClasses()
          .that()
          .resideInAnyPackage(ROOT + ".scenario..", ROOT + ".run..", ROOT + ".report..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ROOT + ".containerd..", ROOT + ".cri..", ROOT + ".node..");

  @ArchTest
  static final ArchRule reportsKnowNoCli =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".report..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(ROOT + ".cli..");

  /**
   * Scenario data becomes fake registries in one place. (The containerd package's benchmark builds
   * its own registry: it reads no scenario, so it is outside this rule.)
   */
  @ArchTest
  static final ArchRule onlyTheWorldInstallerBuildsFakeRegistries =
      noClasses()
          .that()
          .doNotHaveSimpleName("WorldInstaller")
          .and()
          .resideInAnyPackage(
              ROOT + ".scenario..", ROOT + ".run..", ROOT + ".report..", ROOT + ".cli..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.pullproof.registry.FakeRegistryBuilder")
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("dev.pullproof.registry.auth..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.pullproof.registry.content.ImagePublisher");

  /** Faults, TLS, mirrors, Docker Hub and loopback hosts are wired by the installer alone. */
  @ArchTest
  static final ArchRule onlyTheInstallerWiresTheWorldsElements =
      noClasses()
          .that()
          .haveNameNotMatching(".*\\.run\\.(WorldInstaller|WorldFaults|LoopbackPool)(\\$.*)?")
          .and()
          .resideInAnyPackage(ROOT + ".run..", ROOT + ".report..", ROOT + ".cli..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.pullproof.registry.fault..",
              "dev.pullproof.registry.tls..",
              "dev.pullproof.registry.mirror..",
              "dev.pullproof.registry.hub..",
              "dev.pullproof.registry.world..");

  /** The static checks read files only: no containerd, CRI, runner, registry or report. */
  @ArchTest
  static final ArchRule staticChecksOnlyReadFiles =
      noClasses()
          .that()
          .resideInAnyPackage(
              ROOT + ".validate", ROOT + ".validate.rules..", ROOT + ".validate.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".containerd..",
              ROOT + ".cri..",
              ROOT + ".node..",
              ROOT + ".run..",
              ROOT + ".report..",
              ROOT + ".cli..",
              "dev.pullproof.registry..");

  /** The live check runs the user's files like a scenario: through the runner's node seam. */
  @ArchTest
  static final ArchRule liveCheckGoesThroughTheRunner =
      noClasses()
          .that()
          .resideInAnyPackage(ROOT + ".validate.live..", ROOT + ".validate.output..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".containerd..", ROOT + ".cri..", ROOT + ".node..", ROOT + ".cli..");

  /** The fake helper is the kubelet's plugin only through the kubelet package. */
  @ArchTest
  static final ArchRule onlyTheKubeletPackageRunsTheHelper =
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT + ".kubelet..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.pullproof.helper..");
}
