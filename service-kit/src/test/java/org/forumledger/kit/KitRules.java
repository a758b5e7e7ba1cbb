package org.forumledger.kit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What a service must not write again because the kit provides it. A service's architecture test
 * includes these with {@code @ArchTest static final ArchTests kit = ArchTests.in(KitRules.class);}.
 */
public final class KitRules {

  private KitRules() {}

  @ArchTest
  public static final ArchRule noOwnSecurityChain =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.forumledger.kit..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName(
              "org.springframework.security.config.web.server.ServerHttpSecurity")
          .orShould()
          .beAnnotatedWith(
              "org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity")
          .orShould()
          .implement("org.springframework.security.web.server.ServerAuthenticationEntryPoint")
          .orShould()
          .implement(
              "org.springframework.security.web.server.authorization.ServerAccessDeniedHandler")
          .orShould()
          .implement("org.springframework.security.authentication.ReactiveAuthenticationManager")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName(
              "org.springframework.security.core.userdetails.MapReactiveUserDetailsService")
          .because("the kit builds the security chain from the service's AccessTable");

  @ArchTest
  public static final ArchRule noOwnProblemHandling =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.forumledger.kit..")
          .should()
          .beAnnotatedWith("org.springframework.web.bind.annotation.RestControllerAdvice")
          .orShould()
          .beAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
          .orShould()
          .implement("org.springframework.web.server.WebExceptionHandler")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.springframework.http.ProblemDetail")
          .because(
              "problems come from the kit's catalogue: throw a ProblemException or declare a"
                  + " ProblemTranslator");

  @ArchTest
  public static final ArchRule noOwnConsumerPlumbing =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.forumledger.kit..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName(
              "org.springframework.kafka.listener.DeadLetterPublishingRecoverer")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.springframework.kafka.listener.DefaultErrorHandler")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.springframework.kafka.config.TopicBuilder")
          .because("the kit declares the topics and parks failing records");

  @ArchTest
  public static final ArchRule noOwnKafkaListener =
      noMethods()
          .that()
          .areDeclaredInClassesThat()
          .resideOutsideOfPackage("org.forumledger.kit..")
          .should()
          .beAnnotatedWith("org.springframework.kafka.annotation.KafkaListener")
          .because("the kit's ForumEventConsumer applies each event once into an EventProjection");

  @ArchTest
  public static final ArchRule noOwnClock =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.forumledger.kit..")
          .should()
          .callMethod(java.time.Clock.class, "systemUTC")
          .because("the kit provides the clock, so tests can replace it");
}
