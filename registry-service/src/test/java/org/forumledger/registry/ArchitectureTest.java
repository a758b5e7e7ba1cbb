package org.forumledger.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "org.forumledger.registry",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainHasNoSpringWebOrKafka =
      noClasses()
          .that()
          .resideInAPackage("org.forumledger.registry.forum.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "org.apache.kafka..",
              "jakarta.servlet..",
              "reactor..",
              "org.forumledger.registry.forum.api..",
              "org.forumledger.registry.web..")
          .because("the forum's rules must not depend on how it is served or published");

  @ArchTest
  static final ArchRule domainPackageExists =
      com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
          .that()
          .haveSimpleName("Forum")
          .should()
          .resideInAPackage("org.forumledger.registry.forum.domain");
}
