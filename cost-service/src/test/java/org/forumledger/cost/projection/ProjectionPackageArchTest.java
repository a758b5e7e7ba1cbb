package org.forumledger.cost.projection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The projection rules stay plain Java: unit-testable, no framework in the way. */
class ProjectionPackageArchTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.forumledger.cost");

  @Test
  void projectionRulesHaveNoSpringKafkaOrWebImports() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("org.forumledger.cost.projection..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.springframework..",
                "org.apache.kafka..",
                "reactor..",
                "jakarta.servlet..",
                "io.micrometer..",
                "java.sql..",
                "javax.sql..",
                "com.fasterxml.jackson..",
                "tools.jackson..")
            .because("the rules are plain code, tested without a container");
    rule.check(CLASSES);
  }

  @Test
  void theProjectionPackageExistsAndHoldsTheRules() {
    org.assertj.core.api.Assertions.assertThat(CLASSES.contain(ProjectionRules.class)).isTrue();
    org.assertj.core.api.Assertions.assertThat(
            CLASSES.stream()
                .filter(c -> c.getPackageName().equals("org.forumledger.cost.projection"))
                .count())
        .isGreaterThan(5);
  }

  @Test
  void onlyTheContractIsSharedWithOtherModules() {
    noClasses()
        .that()
        .resideInAPackage("org.forumledger.cost..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.forumledger.registry..", "org.forumledger.reporting..", "org.forumledger.infra..")
        .check(CLASSES);
  }
}
