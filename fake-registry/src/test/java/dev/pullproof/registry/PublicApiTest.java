package dev.pullproof.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API of the fake registry: what the harness, the helper and users' tests may name.
 * Everything else is package-private or lives in a {@code ..internal..} package, which no public
 * member of an API type exposes; so code outside this module never needs an internal import.
 * Growing the API means adding a line to {@link #API}.
 */
class PublicApiTest {
  private static final String ROOT = "dev.pullproof.registry";

  /** Public top-level types outside {@code internal}, by package. */
  private static final Set<String> API =
      Set.of(
          "FakeRegistry",
          "FakeRegistryBuilder",
          "auth.Access",
          "auth.Auth",
          "auth.Authenticator",
          "auth.Grants",
          "auth.InvalidTokenException",
          "auth.IssuedToken",
          "auth.Scope",
          "auth.TokenClaims",
          "auth.TokenService",
          "auth.Users",
          "cli.ByteSize",
          "cli.RegistryCli",
          "cli.ServeCommand",
          "content.BlobStore",
          "content.Descriptor",
          "content.ImageFormat",
          "content.ImagePublisher",
          "content.ImageSpec",
          "content.ImportedLayout",
          "content.InvalidOciLayoutException",
          "content.ManifestFlavor",
          "content.ManifestParser",
          "content.OciLayoutImporter",
          "content.Platform",
          "content.PublishedImage",
          "content.RegistryContent",
          "content.Repository",
          "content.StoredManifest",
          "content.UploadSession",
          "fault.Fault",
          "fault.FaultRule",
          "fault.Faults",
          "fault.Glob",
          "fault.HeaderMatch",
          "fault.Occurrence",
          "fault.RequestMatch",
          "fault.RouteKind",
          "fault.TimeWindow",
          "hub.DockerHub",
          "hub.RateLimits",
          "journal.Journal",
          "journal.JournalEntry",
          "journal.JournalFile",
          "journal.JournalJson",
          "journal.RequestPattern",
          "junit.FakeRegistryExtension",
          "junit.FakeRegistryTest",
          "mirror.MirrorConfig",
          "protocol.AcceptHeader",
          "record.RecordedExchange",
          "record.Recorder",
          "record.Recording",
          "record.Replay",
          "protocol.Digest",
          "protocol.ErrorCode",
          "protocol.MediaTypes",
          "protocol.Principal",
          "protocol.Reference",
          "protocol.RegistryException",
          "protocol.RepositoryName",
          "protocol.Route",
          "tls.CertificateAuthority",
          "tls.IssuedCertificate",
          "tls.TlsConfig",
          "tls.TlsMode",
          "tls.WrongProtocolReply",
          // The harness names its own temporary files the same way, so one sweep finds both.
          "temp.OwnedTemp");

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  @Test
  void publicTopLevelTypesOutsideInternalAreExactlyTheApi() {
    Set<String> found = new TreeSet<>();
    for (JavaClass c : CLASSES) {
      if (c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC) && !isInternal(c)) {
        found.add(c.getName().substring(ROOT.length() + 1));
      }
    }
    assertThat(found).containsExactlyInAnyOrderElementsOf(API);
  }

  @Test
  void noApiMemberExposesAnInternalType() {
    classes()
        .that()
        .arePublic()
        .and()
        .resideOutsideOfPackage(ROOT + ".internal..")
        .should(exposeNoInternalType())
        .check(CLASSES);
  }

  private static ArchCondition<JavaClass> exposeNoInternalType() {
    return new ArchCondition<>("expose no internal type in a public member") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        Stream.concat(c.getMethods().stream(), c.getConstructors().stream())
            .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
            .forEach(m -> checkTypes(m, m.getRawParameterTypes(), events));
        c.getMethods().stream()
            .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
            .forEach(m -> checkTypes(m, List.of(m.getRawReturnType()), events));
        c.getFields().stream()
            .filter(f -> f.getModifiers().contains(JavaModifier.PUBLIC))
            .forEach(f -> checkTypes(f, List.of(f.getRawType()), events));
      }
    };
  }

  private static void checkTypes(JavaMember member, List<JavaClass> types, ConditionEvents events) {
    for (JavaClass type : types) {
      if (isInternal(type)) {
        events.add(
            SimpleConditionEvent.violated(
                member, member.getFullName() + " exposes internal " + type.getName()));
      }
    }
  }

  private static boolean isInternal(JavaClass c) {
    return c.getPackageName().startsWith(ROOT + ".internal");
  }
}
