package org.forumledger.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.forumledger.infra.LedgerInfrastructure;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A real broker, a real database and the registry on a random port, for integration tests. */
public final class RegistryTestStack implements AutoCloseable {

  public static final String REGISTRAR_PASSWORD = "registrar-secret";
  public static final String AUDITOR_PASSWORD = "auditor-secret";
  public static final String VIEWER_PASSWORD = "viewer-secret";

  private final LedgerInfrastructure infra;
  private final ConfigurableApplicationContext registry;

  private RegistryTestStack(LedgerInfrastructure infra, ConfigurableApplicationContext registry) {
    this.infra = infra;
    this.registry = registry;
  }

  public static RegistryTestStack start() {
    return start(new BeanPostProcessor[0]);
  }

  /** The same, with {@code postProcessors} applied to the registry's beans (a statement log). */
  public static RegistryTestStack start(BeanPostProcessor... postProcessors) {
    LedgerInfrastructure infra = LedgerInfrastructure.forTests();
    try {
      Map<String, Object> properties = new HashMap<>();
      properties.put("spring.config.name", "registry-service");
      properties.put("REGISTRY_PORT", 0);
      properties.put("LEDGER_KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
      properties.put("LEDGER_DB_URL", infra.jdbcUrl());
      properties.put("LEDGER_DB_USER", infra.dbUsername());
      properties.put("LEDGER_DB_PASSWORD", infra.dbPassword());
      properties.put("LEDGER_REGISTRAR_PASSWORD", REGISTRAR_PASSWORD);
      properties.put("LEDGER_AUDITOR_PASSWORD", AUDITOR_PASSWORD);
      properties.put("LEDGER_VIEWER_PASSWORD", VIEWER_PASSWORD);
      properties.put("LEDGER_SIGNING_KEY_DIR", keyDir().toString());
      ConfigurableApplicationContext context =
          new SpringApplicationBuilder(RegistryServiceApplication.class)
              .properties(properties)
              .initializers(
                  app -> {
                    for (BeanPostProcessor postProcessor : postProcessors) {
                      app.getBeanFactory().addBeanPostProcessor(postProcessor);
                    }
                  })
              .run();
      return new RegistryTestStack(infra, context);
    } catch (RuntimeException e) {
      infra.close();
      throw e;
    }
  }

  private static Path keyDir() {
    try {
      Path dir = Files.createTempDirectory("registry-keys");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public LedgerInfrastructure infra() {
    return infra;
  }

  public ConfigurableApplicationContext context() {
    return registry;
  }

  public String baseUrl() {
    return "http://localhost:" + registry.getEnvironment().getProperty("local.server.port");
  }

  public WebTestClient client(String user, String password) {
    return WebTestClient.bindToServer()
        .baseUrl(baseUrl())
        .defaultHeaders(headers -> headers.setBasicAuth(user, password))
        .build();
  }

  /** How many events the store holds. */
  public long storedEvents() {
    Long count =
        context()
            .getBean(JdbcTemplate.class)
            .queryForObject("select count(*) from domain_event_entry", Long.class);
    return count == null ? 0 : count;
  }

  /** Registers a forum as the registrar and answers its id. */
  public String register(String body) {
    return register(body, null);
  }

  /**
   * Registers a forum as the registrar with this Idempotency-Key (none if null), answers its id.
   */
  public String register(String body, String idempotencyKey) {
    EntityExchangeResult<byte[]> result =
        registrar()
            .post()
            .uri("/forums")
            .headers(
                headers -> {
                  if (idempotencyKey != null) {
                    headers.set("Idempotency-Key", idempotencyKey);
                  }
                })
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody()
            .returnResult();
    String location = result.getResponseHeaders().getLocation().toString();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  public WebTestClient registrar() {
    return client("registrar", REGISTRAR_PASSWORD);
  }

  @Override
  public void close() {
    try {
      registry.close();
    } finally {
      infra.close();
    }
  }
}
