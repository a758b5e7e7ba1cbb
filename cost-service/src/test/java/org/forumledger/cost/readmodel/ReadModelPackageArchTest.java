package org.forumledger.cost.readmodel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** One package owns the SQL against the cost schema: its writes, its reads, reset and checksum. */
class ReadModelPackageArchTest {

  private static final String READ_MODEL = "org.forumledger.cost.readmodel";

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.forumledger.cost");

  @Test
  void onlyTheReadModelPackageUsesJdbc() {
    noClasses()
        .that()
        .resideOutsideOfPackage(READ_MODEL + "..")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(JdbcTemplate.class)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
        .because("all SQL against the cost schema lives in " + READ_MODEL)
        .check(CLASSES);
  }

  @Test
  void theReadModelPackageHoldsTheWritesTheReadsAndTheAdministration() {
    assertThat(
            CLASSES.stream()
                .filter(c -> c.getPackageName().equals(READ_MODEL))
                .filter(
                    c ->
                        c.getDirectDependenciesFromSelf().stream()
                            .anyMatch(d -> d.getTargetClass().isEquivalentTo(JdbcTemplate.class)))
                .map(JavaClass::getSimpleName))
        .contains("EventApplier", "AppliedEvents", "FactStore", "ReadModelAdmin");
  }
}
