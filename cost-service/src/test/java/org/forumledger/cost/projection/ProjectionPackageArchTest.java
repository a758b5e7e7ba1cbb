package org.forumledger.cost.projection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.forumledger.cost.readmodel.FactStore;
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
    org.assertj.core.api.Assertions.assertThat(
            CLASSES.stream()
                .filter(c -> c.getPackageName().equals("org.forumledger.cost.projection"))
                .count())
        .isGreaterThan(5);
  }

  /**
   * The projection depends on the JDK, the event contract and itself, nothing else of the service:
   * not the read model, the API or the configuration. Unlike a rule against modules that are not on
   * the classpath (true whenever the code compiles), this one fails as soon as a projection class
   * reaches into the read model, as {@link #theRuleFailsOnAProjectionClassThatUsesTheReadModel}
   * shows.
   */
  static final ArchRule PROJECTION_ONLY_USES_THE_JDK_AND_THE_CONTRACT =
      classes()
          .that()
          .resideInAPackage("org.forumledger.cost.projection..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..", "org.forumledger.events..", "org.forumledger.cost.projection..")
          .because("the projection is the rules alone; storage and transport sit around it");

  @Test
  void theProjectionDependsOnlyOnTheJdkTheContractAndItself() {
    PROJECTION_ONLY_USES_THE_JDK_AND_THE_CONTRACT.check(CLASSES);
  }

  @Test
  void theRuleFailsOnAProjectionClassThatUsesTheReadModel() {
    JavaClasses breaking = new ClassFileImporter().importClasses(ReachesIntoTheReadModel.class);

    org.assertj.core.api.Assertions.assertThat(
            PROJECTION_ONLY_USES_THE_JDK_AND_THE_CONTRACT
                .evaluate(breaking)
                .getFailureReport()
                .getDetails())
        .anyMatch(line -> line.contains(FactStore.class.getName()));
  }

  /** A projection class that breaks the rule; a test class, so the real import never sees it. */
  static final class ReachesIntoTheReadModel {
    FactStore store;
  }
}
