package org.forumledger.reporting.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fold, time slicing and totals are plain Java that any read path can share. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.forumledger.reporting");
  }

  @Test
  void historyHasNoSpringKafkaOrWebImports() {
    noClasses()
        .that()
        .resideInAPackage("org.forumledger.reporting.history..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "org.apache.kafka..",
            "reactor..",
            "io.netty..",
            "jakarta.servlet..",
            "tools.jackson..",
            "java.sql..",
            "javax.sql..")
        .check(classes);
  }

  @Test
  void historyDependsOnNoOtherPartOfTheService() {
    noClasses()
        .that()
        .resideInAPackage("org.forumledger.reporting.history..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.forumledger.reporting.api..", "org.forumledger.reporting.store..",
            "org.forumledger.reporting.consumption..", "org.forumledger.reporting.audit..",
            "org.forumledger.reporting.report..", "org.forumledger.reporting.replay..",
            "org.forumledger.reporting.query..", "org.forumledger.reporting.live..")
        .check(classes);
  }

  @Test
  void onlyTheContractIsSharedWithOtherServices() {
    noClasses()
        .that()
        .resideInAPackage("org.forumledger.reporting..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.forumledger.registry..", "org.forumledger.cost..", "org.forumledger.infra..")
        .check(classes);
  }
}
