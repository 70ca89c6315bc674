package dev.pullproof.harness;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The harness layering: the version model, the shared wording and the TOML layer are the bottom,
 * read by every part; the scenario model is pure data and parsing; the world turns its registries
 * into fake hosts; the runner builds on both; the reports read results; the CLI sits on top. Only
 * the world package builds fake registries.
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

  /** Shared wording (suggestions, secret masking): any part may use it; it reads only the JDK. */
  @ArchTest
  static final ArchRule textDependsOnNothingElse =
      classes()
          .that()
          .resideInAPackage(ROOT + ".text..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(ROOT + ".text..", "java..");

  /**
   * The one TOML reading layer and its located problems: scenario, world and validate read files
   * through it; it reads only tomlj, the shared wording and the JDK.
   */
  @ArchTest
  static final ArchRule tomlLayerDependsOnNothingElse =
      classes()
          .that()
          .resideInAPackage(ROOT + ".toml..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(ROOT + ".toml..", ROOT + ".text..", "org.tomlj..", "java..");

  @ArchTest
  static final ArchRule scenarioModelIsPure =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".scenario..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".world..",
              ROOT + ".run..",
              ROOT + ".report..",
              ROOT + ".cli..",
              "dev.pullproof.registry..",
              "io.undertow..");

  /** The world reads the scenario and drives the fake registry, nothing else of the harness. */
  @ArchTest
  static final ArchRule worldKnowsOnlyTheScenario =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".world..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".run..",
              ROOT + ".report..",
              ROOT + ".cli..",
              ROOT + ".validate..",
              ROOT + ".node..",
              ROOT + ".containerd..",
              ROOT + ".cri..",
              ROOT + ".kubelet..");

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
   * Scenario data becomes fake registries in one room: the world package. (The containerd package's
   * benchmark builds its own registry: it reads no scenario, so it is outside this rule.)
   */
  @ArchTest
  static final ArchRule onlyTheWorldBuildsAndWiresFakeRegistries =
      noClasses()
          .that()
          .resideOutsideOfPackages(ROOT + ".world..", ROOT + ".containerd..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.pullproof.registry.FakeRegistryBuilder")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.pullproof.registry.content.ImagePublisher")
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.pullproof.registry.auth..",
              "dev.pullproof.registry.fault..",
              "dev.pullproof.registry.tls..",
              "dev.pullproof.registry.mirror..",
              "dev.pullproof.registry.hub..");

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

  /**
   * The fake helper is the kubelet's plugin only through the kubelet package; the CLI mounts its
   * commands (install, the call path) and nothing else of it.
   */
  @ArchTest
  static final ArchRule onlyTheKubeletPackageRunsTheHelper =
      noClasses()
          .that()
          .resideOutsideOfPackages(ROOT + ".kubelet..", ROOT + ".cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.pullproof.helper..");

  /** The fake registry is used through its public API only. */
  @ArchTest
  static final ArchRule registryInternalsStayInside =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.pullproof.registry..internal..");

  @ArchTest
  static final ArchRule theCliMountsOnlyTheHelpersCommands =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".cli..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.pullproof.helper..")
                  .and(not(name("dev.pullproof.helper.HelperMain")))
                  .and(not(name("dev.pullproof.helper.install.InstallCommand"))));

  /** explain reads evidence and the catalogue's recorded runs: it starts no node and no world. */
  @ArchTest
  static final ArchRule explainStartsNothing =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".explain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".containerd..",
              ROOT + ".cri..",
              ROOT + ".node..",
              ROOT + ".world..",
              ROOT + ".cli..",
              "dev.pullproof.registry..");
}
