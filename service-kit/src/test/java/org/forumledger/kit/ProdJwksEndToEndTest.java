package org.forumledger.kit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The prod profile end to end, with nothing replaced: the kit's own decoder fetches the public key
 * from a JWKS endpoint (a JDK HTTP server here, as the identity provider would serve it) and checks
 * tokens signed with the matching RS256 key. A valid token with the role is let through, a valid
 * token without it is 403, and an expired token, one signed by another key and no token are 401.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "ledger.security.jwt.roles-claim=groups",
      "spring.autoconfigure.exclude=org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
    })
@ActiveProfiles("prod")
@AutoConfigureWebTestClient
class ProdJwksEndToEndTest {

  static final RSAKey IDENTITY_PROVIDER = key("idp-1");

  /** Another key under the same key id, so the decoder finds "the" key and the signature fails. */
  static final RSAKey SOMEONE_ELSE = key("idp-1");

  static final HttpServer JWKS = jwks(IDENTITY_PROVIDER);

  static RSAKey key(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpServer jwks(RSAKey key) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      server.createContext(
          "/jwks",
          exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void identityProvider(DynamicPropertyRegistry registry) {
    registry.add(
        "ledger.security.jwt.jwk-set-uri",
        () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
  }

  @AfterAll
  static void stopIdentityProvider() {
    JWKS.stop(0);
  }

  @Autowired WebTestClient web;

  static String token(RSAKey signer, List<String> groups, Instant expires) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
              new JWTClaimsSet.Builder()
                  .subject("anna.registrar@goteborg.se")
                  .claim("groups", groups)
                  .issueTime(Date.from(expires.minus(Duration.ofHours(1))))
                  .expirationTime(Date.from(expires))
                  .build());
      jwt.sign(new RSASSASigner(signer));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static Instant inAnHour() {
    return Instant.now().plus(Duration.ofHours(1));
  }

  WebTestClient.ResponseSpec create(String token) {
    return web.post()
        .uri("/things")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"name\":\"a\",\"count\":1}")
        .exchange();
  }

  @Test
  void aValidTokenWithTheRoleIsLetThrough() {
    create(token(IDENTITY_PROVIDER, List.of("REGISTRAR"), inAnHour()))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("a");
    web.get()
        .uri("/things/1")
        .headers(h -> h.setBearerAuth(token(IDENTITY_PROVIDER, List.of("VIEWER"), inAnHour())))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void aValidTokenWithoutTheRoleIs403() {
    create(token(IDENTITY_PROVIDER, List.of("VIEWER"), inAnHour()))
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://forumledger.org/problems/forbidden");
  }

  @Test
  void anExpiredTokenATokenSignedByAnotherKeyAndNoTokenAre401() {
    String expired =
        token(IDENTITY_PROVIDER, List.of("REGISTRAR"), Instant.now().minus(Duration.ofHours(1)));
    String otherKey = token(SOMEONE_ELSE, List.of("REGISTRAR"), inAnHour());
    for (String token : List.of(expired, otherKey)) {
      create(token)
          .expectStatus()
          .isUnauthorized()
          .expectBody()
          .jsonPath("$.type")
          .isEqualTo("https://forumledger.org/problems/unauthenticated");
    }
    web.post()
        .uri("/things")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"name\":\"a\",\"count\":1}")
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }
}
