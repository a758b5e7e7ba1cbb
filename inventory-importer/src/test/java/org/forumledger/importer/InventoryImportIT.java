package org.forumledger.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.registry.RegistryTestStack.REGISTRAR_PASSWORD;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.forumledger.importer.InventoryImport.Summary;
import org.forumledger.infra.LedgerInfrastructure;
import org.forumledger.registry.RegistryTestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The importer against a real registry on a real PostgreSQL and Kafka. Event counts are taken as
 * differences, so the tests do not depend on each other's order.
 */
class InventoryImportIT {

  private static final Logger log = LoggerFactory.getLogger(InventoryImportIT.class);

  private static RegistryTestStack registry;
  private static String baseUrl;

  @BeforeAll
  static void start() {
    registry = RegistryTestStack.start();
    baseUrl = registry.baseUrl();
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void importsTheWholeInventoryAndARerunWritesNoNewEvent() throws SQLException {
    long before = forumEvents();

    long started = System.nanoTime();
    Summary first = InventoryImport.fromDefaultFile(baseUrl, "registrar", REGISTRAR_PASSWORD).run();
    Duration firstTook = Duration.ofNanos(System.nanoTime() - started);
    long afterFirst = forumEvents();

    assertThat(first.problems()).isEmpty();
    assertThat(first.rows()).isEqualTo(108);
    assertThat(first.importedRows()).isEqualTo(108);
    assertThat(first.failedRows()).isZero();
    assertThat(first.forumsRegistered()).isEqualTo(108);
    // 15 PUTs of the report's 10 units and 5 goals first, then the 536 forum writes
    assertThat(first.requestsSent()).isEqualTo(551);
    // one event per write: 108 registrations, 103 SLK and 108 KS headcounts (one as written
    // only), 108 fees, 108 other costs, 1 status
    assertThat(afterFirst - before).isEqualTo(536);
    // whichever test imported first registered them, once: one event per unit and per goal
    assertThat(count("select count(*) from registry.domain_event_entry where" + CITY_STREAMS))
        .isEqualTo(15);
    assertThat(
            count(
                "select count(*) from registry.domain_event_entry where"
                    + CITY_STREAMS
                    + " and convert_from(payload, 'UTF8') like ?",
                "%\"phrase\":\"Kompetensförsörjningen är ett av kommunfullmäktiges budgetmål\"%"))
        .isEqualTo(1);
    long allAfterFirst = events();
    assertThat(
            count(
                "select count(distinct aggregate_identifier) from registry.domain_event_entry"
                    + " where convert_from(payload, 'UTF8') like ?",
                "%\"inventoryReference\":\"2.%"))
        .isEqualTo(108);
    // ECCAR (2.8.4): 1 500 EUR beside the printed 16 000 SEK, the rate implied by the two
    assertThat(
            count(
                "select count(*) from registry.domain_event_entry"
                    + " where convert_from(payload, 'UTF8') like ?",
                "%\"amountSek\":16000,\"currency\":\"EUR\",\"originalAmount\":1500,"
                    + "\"exchangeRate\":10.666667,\"exchangeRateSource\":\"IMPLIED\"%"))
        .isEqualTo(1);
    // Eurocities (2.14.6): KS "2 per forum" kept as written, no count invented
    assertThat(
            count(
                "select count(*) from registry.domain_event_entry"
                    + " where convert_from(payload, 'UTF8') like ?",
                "%\"body\":\"KS\",\"headcount\":null,\"asWritten\":\"2 per forum\"%"))
        .isEqualTo(1);

    started = System.nanoTime();
    Summary second =
        InventoryImport.fromDefaultFile(baseUrl, "registrar", REGISTRAR_PASSWORD).run();
    Duration secondTook = Duration.ofNanos(System.nanoTime() - started);

    assertThat(events()).isEqualTo(allAfterFirst);
    // only the importer writes in this registry, so every event must carry its provenance
    assertThat(
            count(
                "select count(*) from registry.domain_event_entry"
                    + " where convert_from(meta_data, 'UTF8') like ? and convert_from(meta_data, 'UTF8') like ?",
                "%\"inventory-2023\"%",
                "%SLK-2023-01081%"))
        .isEqualTo(allAfterFirst);
    assertThat(second.problems()).isEmpty();
    assertThat(second.rows()).isEqualTo(108);
    assertThat(second.importedRows()).isEqualTo(108);
    assertThat(second.failedRows()).isZero();
    assertThat(second.forumsRegistered()).as("every registration is a replay").isZero();
    assertThat(second.requestsSent()).isEqualTo(551);
    assertThat(second.toString()).contains("108 already registered by an earlier run");
    log.info(
        "Inventory import: first run {} ms ({} events), rerun {} ms (0 events); {}",
        firstTook.toMillis(),
        afterFirst - before,
        secondTook.toMillis(),
        second);
  }

  @Test
  void aMalformedRowIsReportedByLineAndWritesNothing() throws SQLException, URISyntaxException {
    Path fixture =
        Path.of(getClass().getClassLoader().getResource(InventoryFixtures.MALFORMED).toURI());
    long before = forumEvents();

    Summary summary =
        InventoryImport.fromFile(fixture, baseUrl, "registrar", REGISTRAR_PASSWORD).run();

    assertThat(summary.rows()).isEqualTo(3);
    assertThat(summary.importedRows()).isEqualTo(2);
    assertThat(summary.failedRows()).isEqualTo(1);
    assertThat(summary.forumsRegistered()).isEqualTo(2);
    assertThat(summary.problems())
        .containsExactly(
            "line 4: section 9.1.2: kind 'NETWERK' is not one of NETWORK, COLLABORATION;"
                + " slk_min 3 is greater than slk_max 1; fee_tkr is required");
    // 9.1.1: registration, SLK, KS, fee, other cost; 9.1.3: registration, KS, fee, other cost,
    // status
    assertThat(forumEvents() - before).isEqualTo(10);
    assertThat(
            count(
                "select count(*) from registry.domain_event_entry"
                    + " where convert_from(payload, 'UTF8') like ?",
                "%Fixture forum two%"))
        .isZero();
    assertThat(
            count(
                "select count(*) from registry.domain_event_entry"
                    + " where convert_from(payload, 'UTF8') like ?",
                "%\"inventoryReference\":\"9.1.%"))
        .isEqualTo(2);
  }

  /** The streams of the units and goals the import registers before the forums. */
  private static final String CITY_STREAMS =
      " (aggregate_identifier like 'unit-%' or aggregate_identifier like 'goal-%')";

  private static long events() throws SQLException {
    return count("select count(*) from registry.domain_event_entry");
  }

  /** Events of forums: the units and goals are registered by whichever import comes first. */
  private static long forumEvents() throws SQLException {
    return count("select count(*) from registry.domain_event_entry where not" + CITY_STREAMS);
  }

  private static long count(String sql, String... parameters) throws SQLException {
    LedgerInfrastructure infra = registry.infra();
    try (Connection connection =
            DriverManager.getConnection(infra.jdbcUrl(), infra.dbUsername(), infra.dbPassword());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }
}
