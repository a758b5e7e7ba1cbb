package org.forumledger.localstack;

import java.util.HashMap;
import java.util.Map;
import org.forumledger.web.WebApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web application started in this JVM in front of the three services, signing people in with
 * the same local users.
 */
public final class WebApp {

  /**
   * The services' database, broker, event store and shared kit are on this JVM's class path; the
   * web app talks to the services over HTTP only and must configure none of them.
   */
  private static final String SERVICE_AUTO_CONFIGURATIONS =
      ServiceStack.autoConfigurationsUnder(
          "org.axonframework.",
          "org.forumledger.kit.",
          "org.springdoc.",
          "org.springframework.boot.jdbc.",
          "org.springframework.boot.data.",
          "org.springframework.boot.hibernate.",
          "org.springframework.boot.jpa.",
          "org.springframework.boot.flyway.",
          "org.springframework.boot.kafka.",
          "org.springframework.boot.sql.",
          "org.springframework.boot.transaction.");

  private WebApp() {}

  /** Starts it on {@code port} (0 picks a free one). */
  public static ConfigurableApplicationContext start(
      ServiceStack services, Credentials credentials, int port) {
    return start(services, credentials, port, Map.of());
  }

  /**
   * Starts it with {@code settings} (such as {@code LEDGER_WEB_OPEN_READING}) besides the wiring.
   */
  public static ConfigurableApplicationContext start(
      ServiceStack services, Credentials credentials, int port, Map<String, Object> settings) {
    Map<String, Object> properties = new HashMap<>(settings);
    properties.put("spring.config.name", "web-app");
    properties.put("spring.autoconfigure.exclude", SERVICE_AUTO_CONFIGURATIONS);
    properties.put("WEB_PORT", port);
    properties.put("LEDGER_REGISTRY_URL", services.registryUrl());
    properties.put("LEDGER_COST_URL", services.costUrl());
    properties.put("LEDGER_REPORTING_URL", services.reportingUrl());
    properties.put("LEDGER_REGISTRAR_PASSWORD", credentials.registrar());
    properties.put("LEDGER_AUDITOR_PASSWORD", credentials.auditor());
    properties.put("LEDGER_VIEWER_PASSWORD", credentials.viewer());
    properties.put("spring.main.banner-mode", "off");
    return new SpringApplicationBuilder(WebApplication.class)
        .main(WebApplication.class)
        .properties(properties)
        .registerShutdownHook(false)
        .run();
  }

  public static String url(ConfigurableApplicationContext web) {
    return "http://localhost:" + web.getEnvironment().getProperty("local.server.port");
  }
}
