package org.forumledger.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.forumledger.importer.InventoryImport;
import org.forumledger.infra.EmbeddedInfrastructure;
import org.forumledger.registry.RegistryServiceApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole system on one machine with nothing but a JDK: a real KRaft broker and a real
 * PostgreSQL in this JVM, then the registry, cost and reporting services and the web application.
 * Data lives under {@code LEDGER_DATA_DIR} (default {@code ./data}), so a restart keeps everything.
 * Ctrl-C stops the services, then the broker and the database, cleanly.
 */
public final class LocalStack {

  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  /** How long the consumers may take to apply the first start's inventory. */
  private static final java.time.Duration CONSUMERS_CATCH_UP = java.time.Duration.ofMinutes(2);

  private LocalStack() {}

  public static void main(String[] args) throws Exception {
    RegistryServiceApplication.disableAxonUpdateChecker();
    Map<String, String> env = System.getenv();
    Path dataDir = Path.of(env.getOrDefault("LEDGER_DATA_DIR", "data")).toAbsolutePath();
    Credentials credentials = Credentials.resolve(dataDir, env);

    EmbeddedInfrastructure infra =
        EmbeddedInfrastructure.start(
            dataDir,
            port(env, "LEDGER_KAFKA_PORT", 9092),
            port(env, "LEDGER_KAFKA_CONTROLLER_PORT", 9093),
            port(env, "LEDGER_POSTGRES_PORT", 5433));
    FirstStart firstStart = new FirstStart();
    ServiceStack services;
    ConfigurableApplicationContext web;
    try {
      services =
          ServiceStack.start(
              new ServiceStack.Wiring(
                  infra.kafkaBootstrapServers(),
                  infra.jdbcUrl(),
                  infra.dbUsername(),
                  infra.dbPassword(),
                  credentials,
                  dataDir.resolve("signing")),
              new ServiceStack.Ports(
                  port(env, "REGISTRY_PORT", 8081),
                  port(env, "COST_PORT", 8082),
                  port(env, "REPORTING_PORT", 8083)),
              firstStart);
    } catch (RuntimeException e) {
      infra.close();
      throw e;
    }
    try {
      web = WebApp.start(services, credentials, port(env, "WEB_PORT", 8080));
    } catch (RuntimeException e) {
      services.close();
      infra.close();
      throw e;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("Stopping Forum Ledger…");
                  try {
                    web.close();
                    services.close();
                  } finally {
                    infra.close();
                    stopped.countDown();
                  }
                },
                "local-stack-shutdown"));

    printWelcome(WebApp.url(web), services, infra, dataDir, credentials);

    Path loadedMarker = dataDir.resolve("inventory-2023.loaded");
    boolean load = !"false".equalsIgnoreCase(env.getOrDefault("LEDGER_LOAD_INVENTORY", "true"));
    if (load && !Files.exists(loadedMarker)) {
      log.info("First start: loading the 2023 inventory through the registry's API…");
      InventoryImport.Summary summary =
          firstStart.load(
              services,
              InventoryImport.fromDefaultFile(
                  services.registryUrl(), "registrar", credentials.registrar()),
              CONSUMERS_CATCH_UP);
      log.info("{}", summary);
      if (summary.failedRows() == 0) {
        Files.writeString(loadedMarker, summary.toString());
      }
    } else {
      firstStart.nothingToLoad();
    }
    stopped.await();
  }

  private static void printWelcome(
      String webUrl,
      ServiceStack services,
      EmbeddedInfrastructure infra,
      Path dataDir,
      Credentials credentials) {
    StringBuilder text = new StringBuilder();
    text.append("\n\nForum Ledger is running (Ctrl-C stops it)\n")
        .append("  web        ")
        .append(webUrl)
        .append("   (open it in a browser; sign in as registrar, auditor or viewer)\n")
        .append("  registry   ")
        .append(services.registryUrl())
        .append("   (API docs: /swagger-ui.html)\n")
        .append("  cost       ")
        .append(services.costUrl())
        .append('\n')
        .append("  reporting  ")
        .append(services.reportingUrl())
        .append('\n')
        .append("  kafka      ")
        .append(infra.kafkaBootstrapServers())
        .append('\n')
        .append("  postgres   ")
        .append(infra.jdbcUrl())
        .append('\n')
        .append("  data       ")
        .append(dataDir)
        .append('\n');
    if (!credentials.generated().isEmpty()) {
      text.append("\nGenerated passwords (shown once, kept in ")
          .append(dataDir.resolve(Credentials.FILE))
          .append("):\n");
      for (String user : credentials.generated()) {
        text.append("  ")
            .append(user)
            .append(" / ")
            .append(credentials.passwordOf(user))
            .append('\n');
      }
    }
    log.info("{}", text);
  }

  private static int port(Map<String, String> env, String variable, int fallback) {
    String value = env.get(variable);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
  }
}
