package org.forumledger.kit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "org.forumledger.kit",
    importOptions = ImportOption.DoNotIncludeTests.class)
class KitArchitectureTest {

  @ArchTest
  static final ArchRule knowsNoService =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.forumledger.registry..",
              "org.forumledger.cost..",
              "org.forumledger.reporting..",
              "org.axonframework..")
          .because("the kit serves every service and knows none of them");

  static final java.util.Set<String> WIRE =
      java.util.Set.of(
          "EventEnvelope",
          "EventMetadata",
          "MetadataKeys",
          "EventJson",
          "Topics",
          "WireHeaders",
          "LedgerCalendar",
          "Sha256");

  /** The envelope, its metadata and its reading are the wire; the payloads are the domain. */
  @ArchTest
  static final ArchRule knowsNoDomainType =
      noClasses()
          .should()
          .dependOnClassesThat(
              resideInAPackage("org.forumledger.events")
                  .and(
                      not(
                          com.tngtech.archunit.base.DescribedPredicate.describe(
                              "the envelope's classes",
                              (com.tngtech.archunit.core.domain.JavaClass c) ->
                                  WIRE.contains(c.getSimpleName())))))
          .because("the kit knows the envelope, not what the events say");
}
