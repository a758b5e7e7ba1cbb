package org.forumledger.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.forumledger.importer.InventoryImport;
import org.forumledger.infra.LedgerInfrastructure;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a browser test stands in front of: broker and database, the three services with the 2023
 * inventory imported (and the units and goals the report names) and visible in reporting, the web
 * app, and headless Chromium on it. Closed in the reverse order, web apps first: closing a Boot web
 * app disposes Reactor Netty's shared resources, which the services' clients use too.
 */
final class BrowserStack implements AutoCloseable {

  static final Path INVENTORY = Path.of("..", "data", "inventory-2023.csv");
  static final Credentials CREDENTIALS =
      Credentials.fixed("registrar-pw", "auditor-pw", "viewer-pw");

  final LedgerInfrastructure infra;
  final ServiceStack stack;
  final ConfigurableApplicationContext web;
  final Browser browser;
  private final List<ConfigurableApplicationContext> otherWebApps = new ArrayList<>();

  private BrowserStack(
      LedgerInfrastructure infra,
      ServiceStack stack,
      ConfigurableApplicationContext web,
      Browser browser) {
    this.infra = infra;
    this.stack = stack;
    this.web = web;
    this.browser = browser;
  }

  static BrowserStack start() {
    LedgerInfrastructure infra = LedgerInfrastructure.forTests();
    ServiceStack stack =
        ServiceStack.start(
            new ServiceStack.Wiring(
                infra.kafkaBootstrapServers(),
                infra.jdbcUrl(),
                infra.dbUsername(),
                infra.dbPassword(),
                CREDENTIALS),
            new ServiceStack.Ports(0, 0, 0));
    InventoryImport.Summary summary =
        InventoryImport.fromFile(INVENTORY, stack.registryUrl(), "registrar", "registrar-pw").run();
    assertThat(summary.failedRows()).as(summary.toString()).isZero();
    int registered = summary.importedRows();
    Http viewer = new Http("viewer", "viewer-pw");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> viewer.json(stack.reportingUrl() + "/forums").get("count").asInt() == registered);
    ConfigurableApplicationContext web = WebApp.start(stack, CREDENTIALS, 0);
    return new BrowserStack(infra, stack, web, new Browser(WebApp.url(web)));
  }

  /** A second web app on the same services with other settings, closed with the rest. */
  ConfigurableApplicationContext anotherWebApp(Map<String, Object> settings) {
    ConfigurableApplicationContext other = WebApp.start(stack, CREDENTIALS, 0, settings);
    otherWebApps.add(other);
    return other;
  }

  /** Between tests: nobody signed in, no cookies kept. */
  void signOut() {
    browser.signOut();
    browser.driver().manage().deleteAllCookies();
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      try {
        otherWebApps.forEach(ConfigurableApplicationContext::close);
        web.close();
        stack.close();
      } finally {
        infra.close();
      }
    }
  }
}
