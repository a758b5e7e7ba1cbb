package org.forumledger.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * Under the prod profile every service is a JWT resource server with the same table: the identity
 * provider's decoder is replaced by one that knows two tokens, the rest is the kit's.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "ledger.security.jwt.roles-claim=groups",
      "spring.autoconfigure.exclude=org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
    })
@ActiveProfiles("prod")
@AutoConfigureWebTestClient
class ProdJwtChainTest {

  @TestConfiguration
  static class IdentityProvider {
    @Bean
    ReactiveJwtDecoder jwtDecoder() {
      return token ->
          switch (token) {
            case "viewer-token" -> Mono.just(jwt("eva.viewer@goteborg.se", List.of("VIEWER")));
            case "registrar-token" ->
                Mono.just(jwt("anna.registrar@goteborg.se", "REGISTRAR VIEWER"));
            default -> Mono.error(new BadJwtException("unknown token"));
          };
    }

    private static Jwt jwt(String subject, Object groups) {
      return Jwt.withTokenValue("t")
          .header("alg", "RS256")
          .subject(subject)
          .claim("groups", groups)
          .issuedAt(Instant.parse("2026-01-01T00:00:00Z"))
          .expiresAt(Instant.parse("2126-01-01T00:00:00Z"))
          .build();
    }
  }

  @Autowired WebTestClient web;

  @Test
  void rolesComeFromTheConfiguredClaimAndTheTableApplies() {
    web.get()
        .uri("/things/1")
        .headers(h -> h.setBearerAuth("viewer-token"))
        .exchange()
        .expectStatus()
        .isOk();
    web.post()
        .uri("/things")
        .headers(h -> h.setBearerAuth("viewer-token"))
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .bodyValue("{\"name\":\"a\",\"count\":1}")
        .exchange()
        .expectStatus()
        .isForbidden();
    web.post()
        .uri("/things")
        .headers(h -> h.setBearerAuth("registrar-token"))
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .bodyValue("{\"name\":\"a\",\"count\":1}")
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void noTokenABadTokenAndBasicCredentialsAreAllTheSameUnauthenticatedProblem() {
    for (WebTestClient.RequestHeadersSpec<?> request :
        List.of(
            web.get().uri("/things/1"),
            web.get().uri("/things/1").headers(h -> h.setBearerAuth("forged")),
            web.get().uri("/things/1").headers(h -> h.setBasicAuth("viewer", "anything")))) {
      Map<String, Object> problem =
          request
              .exchange()
              .expectStatus()
              .isUnauthorized()
              .expectHeader()
              .value("WWW-Authenticate", challenge -> assertThat(challenge).startsWith("Bearer"))
              .expectBody(
                  new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
              .returnResult()
              .getResponseBody();
      assertThat(problem).containsEntry("type", "https://forumledger.org/problems/unauthenticated");
    }
  }
}
