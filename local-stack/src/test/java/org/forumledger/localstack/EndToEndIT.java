package org.forumledger.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.forumledger.events.EventJson;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.Topics;
import org.forumledger.events.seal.KeyRing;
import org.forumledger.events.seal.SignedStatement;
import org.forumledger.events.seal.SigningKey;
import org.forumledger.importer.InventoryImport;
import org.forumledger.infra.LedgerInfrastructure;
import org.forumledger.verifier.VerificationReport;
import org.forumledger.verifier.Verifier;
import org.forumledger.verifier.VerifierCommand;
import org.forumledger.verifier.chain.LineFailure;
import org.forumledger.verifier.totals.YearTotals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole system as a user meets it: a real broker, a real database and the three services. A
 * change posted to the registry is stored, published, consumed by both consumers and visible
 * through their APIs; a redelivered event changes nothing; a broker outage loses nothing; the 2023
 * inventory's totals in both services equal the data file's own sums.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

  static final Path INVENTORY = Path.of("..", "data", "inventory-2023.csv");
  static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);

  static LedgerInfrastructure infra;
  static FirstStart firstStart = new FirstStart();
  static ServiceStack stack;
  static Http registrar = new Http("registrar", "registrar-pw");
  static Http viewer = new Http("viewer", "viewer-pw");
  static Http auditor = new Http("auditor", "auditor-pw");

  @BeforeAll
  static void start() {
    infra = LedgerInfrastructure.forTests();
    stack =
        ServiceStack.start(
            new ServiceStack.Wiring(
                infra.kafkaBootstrapServers(),
                infra.jdbcUrl(),
                infra.dbUsername(),
                infra.dbPassword(),
                Credentials.fixed("registrar-pw", "auditor-pw", "viewer-pw")),
            new ServiceStack.Ports(0, 0, 0),
            firstStart);
  }

  @AfterAll
  static void stop() {
    try {
      stack.close();
    } finally {
      infra.close();
    }
  }

  static long storedEvents() {
    return stack
        .registry()
        .getBean(JdbcTemplate.class)
        .queryForObject("select count(*) from domain_event_entry", Long.class);
  }

  static String register(String name) {
    HttpResponse<String> created =
        registrar.post(
            stack.registryUrl() + "/forums",
            """
        {"name": "%s", "area": "Regional utveckling", "kind": "NETWORK", "convener": "VGR",
         "effectiveDate": "2024-01-01", "reason": "end-to-end test", "decisionReference": "KS 2023-11-22 § 841"}
        """
                .formatted(name));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  static boolean visibleInBoth(String forumId) {
    return viewer.get(stack.reportingUrl() + "/forums/" + forumId).statusCode() == 200
        && viewer.get(stack.costUrl() + "/costs/forums/" + forumId).statusCode() == 200;
  }

  /** The three services answer alike where the kit decides: security and problems. */
  @Test
  @Order(0)
  void everyServiceRefusesAndDescribesAlike() {
    List<String> services = List.of(stack.registryUrl(), stack.costUrl(), stack.reportingUrl());
    List<String> readPaths = List.of("/forums", "/costs/years/2023", "/reports/totals?year=2023");
    for (int i = 0; i < services.size(); i++) {
      String read = services.get(i) + readPaths.get(i);
      HttpResponse<String> anonymous = Http.anonymous().get(read);
      assertThat(anonymous.statusCode()).as(read).isEqualTo(401);
      assertThat(Http.parse(anonymous.body()).get("type").asText())
          .as(read)
          .isEqualTo("https://forumledger.org/problems/unauthenticated");
      assertThat(new Http("viewer", "wrong").get(read).statusCode()).as(read).isEqualTo(401);

      String metrics = services.get(i) + "/actuator/metrics";
      assertThat(auditor.get(metrics).statusCode()).as(metrics).isEqualTo(200);
      for (Http reader : List.of(viewer, registrar)) {
        HttpResponse<String> refused = reader.get(metrics);
        assertThat(refused.statusCode()).as(metrics + " as " + reader.user()).isEqualTo(403);
        assertThat(Http.parse(refused.body()).get("type").asText())
            .isEqualTo("https://forumledger.org/problems/forbidden");
      }
      assertThat(Http.anonymous().get(services.get(i) + "/actuator/health").statusCode())
          .as("not ready before the inventory is loaded")
          .isEqualTo(503);
    }
  }

  @Test
  @Order(1)
  void theInventoryLoadsAndBothServicesTotalsEqualTheDataFilesOwnSums() throws Exception {
    InventorySums expected = InventorySums.of(INVENTORY);

    InventoryImport.Summary summary =
        firstStart.load(
            stack,
            InventoryImport.fromFile(INVENTORY, stack.registryUrl(), "registrar", "registrar-pw"),
            Duration.ofSeconds(60));

    assertThat(summary.failedRows()).as(summary.toString()).isZero();
    for (String service : List.of(stack.registryUrl(), stack.costUrl(), stack.reportingUrl())) {
      assertThat(Http.anonymous().get(service + "/actuator/health").statusCode()).isEqualTo(200);
    }
    // healthy means loaded and applied: the totals are complete at once, no waiting
    assertTotals(viewer.json(stack.reportingUrl() + "/reports/totals?year=2023"), expected);
    assertTotals(viewer.json(stack.costUrl() + "/costs/years/2023"), expected);

    JsonNode reconciliation =
        viewer.json(stack.reportingUrl() + "/reports/reconciliation?year=2023");
    assertThat(reconciliation.path("differences")).as(reconciliation.toString()).isEmpty();
    assertThat(reconciliation.path("samePosition").asBoolean()).isTrue();
    assertThat(reconciliation.path("agree").asBoolean()).isTrue();
    assertThat(reconciliation.path("reporting").path("position").asLong())
        .isEqualTo(
            stack
                .registry()
                .getBean(JdbcTemplate.class)
                .queryForObject("select max(global_index) from domain_event_entry", Long.class));
    JsonNode chain = reconciliation.path("chain");
    long published =
        stack
            .registry()
            .getBean(JdbcTemplate.class)
            .queryForObject("select max(chain_sequence) from publication_seal", Long.class);
    assertThat(chain.path("registry").path("chainSequence").asLong()).isEqualTo(published);
    assertThat(chain.path("reporting").path("hash").asText())
        .isEqualTo(chain.path("registry").path("hash").asText())
        .isEqualTo(chain.path("cost").path("hash").asText());

    long eventsAfterFirstImport = storedEvents();
    InventoryImport.Summary again =
        InventoryImport.fromFile(INVENTORY, stack.registryUrl(), "registrar", "registrar-pw").run();
    assertThat(again.failedRows()).isZero();
    assertThat(storedEvents())
        .as("a second import adds no event")
        .isEqualTo(eventsAfterFirstImport);
  }

  /**
   * The 2023 appendix as reporting prints it from the imported data (importer, registry, broker,
   * reporting): each forum row, in the data file's order, with its section, name, SLK and KS as
   * written and its fee and other cost as the file has them (tkr, "-", "ej beräknad", "se 2.14.6").
   */
  @Test
  @Order(2)
  void theAppendixOfTheImportedDataHasEveryRowOfTheDataFileInItsOrderWithItsCells()
      throws Exception {
    List<org.apache.commons.csv.CSVRecord> data;
    try (java.io.Reader in = Files.newBufferedReader(INVENTORY, StandardCharsets.UTF_8)) {
      data =
          org.apache.commons.csv.CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(in)
              .getRecords();
    }
    HttpResponse<String> appendix =
        viewer.get(stack.reportingUrl() + "/reports/appendix?year=2023&format=csv");
    assertThat(appendix.statusCode()).isEqualTo(200);
    List<org.apache.commons.csv.CSVRecord> forums =
        org.apache.commons.csv.CSVFormat.RFC4180
            .parse(new java.io.StringReader(appendix.body()))
            .getRecords()
            .stream()
            .filter(r -> r.get(0).equals("forum"))
            .toList();

    assertThat(forums).hasSize(data.size());
    for (int i = 0; i < data.size(); i++) {
      org.apache.commons.csv.CSVRecord want = data.get(i);
      org.apache.commons.csv.CSVRecord row = forums.get(i);
      String at = "section " + want.get("section");
      assertThat(row.get(1)).as(at).isEqualTo(want.get("area"));
      assertThat(row.get(2)).as(at).isEqualTo(want.get("section"));
      assertThat(row.get(3)).as(at).isEqualTo(want.get("name"));
      assertThat(row.get(4))
          .as(at)
          .isEqualTo(want.get("slk_as_written").isEmpty() ? "-" : want.get("slk_as_written"));
      String ks =
          !want.get("ks_as_written").isEmpty()
              ? want.get("ks_as_written")
              : want.get("ks_count").isEmpty() ? "-" : want.get("ks_count");
      assertThat(row.get(5)).as(at).isEqualTo(ks);
      assertThat(row.get(6)).as(at).isEqualTo(appendixCell(want, "fee"));
      assertThat(row.get(7)).as(at).isEqualTo(appendixCell(want, "other_cost"));
    }
  }

  /** A cost cell of the appendix's CSV as the data file's row has it. */
  static String appendixCell(org.apache.commons.csv.CSVRecord row, String cost) {
    return switch (row.get(cost + "_status")) {
      case "AMOUNT" -> row.get(cost + "_tkr");
      case "NONE" -> "-";
      case "NOT_CALCULATED" -> "ej beräknad";
      default -> "se " + row.get(cost + "_reported_under");
    };
  }

  static void assertTotals(JsonNode totals, InventorySums expected) {
    assertThat(totals.path("forumCount").asInt()).isEqualTo(expected.total().forumCount());
    assertThat(totals.path("annualFeeTotal").decimalValue())
        .isEqualByComparingTo(expected.total().annualFeeTotal());
    assertThat(totals.path("otherCostTotal").decimalValue())
        .isEqualByComparingTo(expected.total().otherCostTotal());
    assertThat(totals.path("notCalculatedCount").asInt())
        .isEqualTo(expected.total().notCalculatedCount());
    List<String> areas = new ArrayList<>();
    for (JsonNode area : totals.path("byArea")) {
      String name = area.path("area").asText();
      areas.add(name);
      InventorySums.Area want = expected.byArea().get(name);
      assertThat(want).as("area %s", name).isNotNull();
      assertThat(area.path("forumCount").asInt())
          .as("forums in %s", name)
          .isEqualTo(want.forumCount());
      assertThat(area.path("annualFeeTotal").decimalValue())
          .as("fees in %s", name)
          .isEqualByComparingTo(want.annualFeeTotal());
      assertThat(area.path("otherCostTotal").decimalValue())
          .as("other costs in %s", name)
          .isEqualByComparingTo(want.otherCostTotal());
      assertThat(area.path("notCalculatedCount").asInt())
          .as("not calculated in %s", name)
          .isEqualTo(want.notCalculatedCount());
    }
    assertThat(areas).containsExactlyInAnyOrderElementsOf(expected.byArea().keySet());
  }

  /**
   * What an auditor does on another machine: the history exported from reporting and the keys from
   * the registry, checked by the offline verifier alone, recompute the totals the services report;
   * one byte changed in the file is named by its line.
   */
  @Test
  @Order(2)
  void theExportedHistoryPassesTheOfflineVerifierWithTheReportedTotals(@TempDir Path dir)
      throws Exception {
    HttpResponse<String> export = auditor.get(stack.reportingUrl() + "/audit/export");
    assertThat(export.statusCode()).isEqualTo(200);
    Path history = Files.writeString(dir.resolve("history.jsonl"), export.body());
    Path keys =
        Files.writeString(
            dir.resolve("keys.json"), viewer.get(stack.registryUrl() + "/keys").body());
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    int exit =
        VerifierCommand.run(
            new String[] {"--key", keys.toString(), "--year", "2023", history.toString()},
            new PrintStream(printed, true, StandardCharsets.UTF_8),
            System.err);

    assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isZero();
    VerificationReport report = Verifier.verify(history, registryKeys(keys), List.of(2023));
    assertThat(report.wholeHistory()).isTrue();
    assertThat(report.linesChecked()).isEqualTo(export.body().lines().count());
    JsonNode chain = viewer.json(stack.registryUrl() + "/chain/head");
    assertThat(report.lastSequence()).isEqualTo(chain.get("chainSequence").asLong());
    assertThat(report.headHash()).isEqualTo(chain.get("hash").asText());
    YearTotals recomputed = report.years().get(2023);
    JsonNode reported = viewer.json(stack.reportingUrl() + "/reports/totals?year=2023");
    assertThat(recomputed.fees()).isEqualByComparingTo("7905000");
    assertThat(recomputed.otherCosts()).isEqualByComparingTo("2079000");
    assertThat(recomputed.fees())
        .isEqualByComparingTo(reported.get("annualFeeTotal").decimalValue());
    assertThat(recomputed.otherCosts())
        .isEqualByComparingTo(reported.get("otherCostTotal").decimalValue());
    assertThat(recomputed.forums()).isEqualTo(reported.get("forumCount").asInt());
    assertThat(recomputed.notCalculated()).isEqualTo(reported.get("notCalculatedCount").asInt());

    List<String> lines = new ArrayList<>(export.body().lines().toList());
    int changed = 41;
    lines.set(changed - 1, lines.get(changed - 1).replaceFirst("\"reason\":\"", "\"reason\":\"X"));
    Path altered = Files.write(dir.resolve("altered.jsonl"), lines);
    VerificationReport failed = Verifier.verify(altered, registryKeys(keys), List.of(2023));
    assertThat(failed.intact()).isFalse();
    assertThat(failed.failures()).extracting(LineFailure::line).containsExactly(changed);
  }

  private static KeyRing registryKeys(Path keysJson) throws java.io.IOException {
    Map<String, PublicKey> keys = new java.util.HashMap<>();
    Http.parse(Files.readString(keysJson))
        .get("keys")
        .forEach(
            k ->
                keys.put(
                    k.get("keyId").asText(), SigningKey.publicKey(k.get("publicKey").asText())));
    return KeyRing.of(keys);
  }

  @Test
  @Order(3)
  void aForumPostedToTheRegistryIsVisibleThroughCostAndReporting() {
    String forumId = register("Västsvenska nätverket för e2e");

    await().atMost(VISIBLE_WITHIN).until(() -> visibleInBoth(forumId));

    assertThat(viewer.json(stack.reportingUrl() + "/forums/" + forumId).toString())
        .contains("Västsvenska nätverket för e2e");
    assertThat(viewer.json(stack.costUrl() + "/costs/forums/" + forumId).toString())
        .contains(forumId);
  }

  @Test
  @Order(4)
  void aRedeliveredEventChangesNothing() {
    String forumId = register("Redelivery forum");
    await().atMost(VISIBLE_WITHIN).until(() -> visibleInBoth(forumId));
    String reportingBefore = viewer.json(stack.reportingUrl() + "/forums/" + forumId).toString();
    int auditEntriesBefore =
        auditor.json(stack.reportingUrl() + "/audit?forumId=" + forumId).size();

    ConsumerRecord<String, byte[]> published = publishedRecordOf(forumId);
    redeliver(published);
    // A later event of the same forum shares its partition, so once it is visible the duplicate was
    // handled.
    HttpResponse<String> paused =
        registrar.put(
            stack.registryUrl() + "/forums/" + forumId + "/status",
            """
        {"status": "PAUSED", "effectiveDate": "2024-06-01", "reason": "marker after the duplicate"}
        """);
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    await()
        .atMost(VISIBLE_WITHIN)
        .until(
            () ->
                viewer
                        .json(stack.reportingUrl() + "/forums/" + forumId)
                        .toString()
                        .contains("PAUSED")
                    && auditor.json(stack.reportingUrl() + "/audit?forumId=" + forumId).size()
                        == auditEntriesBefore + 1);

    assertThat(auditor.json(stack.reportingUrl() + "/audit?forumId=" + forumId).size())
        .as("the duplicate added no audit entry")
        .isEqualTo(auditEntriesBefore + 1);
    assertThat(reportingBefore).contains("Redelivery forum");
  }

  @Test
  @Order(6)
  void forumsRegisteredWhileTheBrokerIsDownAllArrive() {
    List<String> forums = new ArrayList<>();
    infra.stopKafka();
    try {
      for (int i = 0; i < 5; i++) {
        forums.add(register("Registered during outage " + i));
      }
    } finally {
      infra.startKafka();
    }

    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> forums.stream().allMatch(EndToEndIT::visibleInBoth));
  }

  /**
   * A ForumRegistered stored at revision 1 (meetings per year as one number, no scope), as the
   * registry wrote it before revision 2: the registry reads it, publishes it upcast and sealed,
   * both consumers apply it, and the forum takes new commands.
   */
  @Test
  @Order(5)
  void aRevisionOneEventInTheStoreIsPublishedUpcastAndAppliedByBothConsumers() throws Exception {
    String template = register("Revision two template");
    String forumId = UUID.randomUUID().toString();
    JdbcTemplate store = stack.registry().getBean(JdbcTemplate.class);
    Map<String, Object> row =
        store.queryForMap(
            "select payload, meta_data, time_stamp, type from domain_event_entry"
                + " where aggregate_identifier = ? and sequence_number = 0",
            template);
    ObjectNode revisionOne = (ObjectNode) EventJson.mapper().readTree((byte[]) row.get("payload"));
    revisionOne.put("forumId", forumId).put("name", "Stored at revision one");
    revisionOne.remove("scope");
    revisionOne.put("meetingsPerYear", 4);
    store.update(
        "insert into domain_event_entry (global_index, event_identifier, meta_data, payload,"
            + " payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number,"
            + " type) values (nextval('domain_event_entry_seq'), ?, ?, ?, '1', ?, ?, ?, 0, ?)",
        UUID.randomUUID().toString(),
        row.get("meta_data"),
        EventJson.mapper().writeValueAsBytes(revisionOne),
        ForumRegistered.class.getName(),
        row.get("time_stamp"),
        forumId,
        row.get("type"));

    JsonNode published =
        Http.parse(new String(publishedRecordOf(forumId).value(), StandardCharsets.UTF_8));
    assertThat(published.at("/metadata/eventType").asText()).isEqualTo("forum.ForumRegistered");
    assertThat(published.at("/metadata/eventVersion").asInt()).isEqualTo(2);
    assertThat(published.at("/payload/meetingsPerYear/min").asInt()).isEqualTo(4);
    assertThat(published.at("/payload/meetingsPerYear/max").asInt()).isEqualTo(4);
    assertThat(published.at("/payload/scope").isNull()).isTrue();
    assertThat(published.has("seal")).as("published sealed").isTrue();

    await().atMost(VISIBLE_WITHIN).until(() -> visibleInBoth(forumId));
    assertThat(viewer.json(stack.reportingUrl() + "/forums/" + forumId).toString())
        .contains("Stored at revision one");
    assertThat(registrar.get(stack.registryUrl() + "/forums/" + forumId).body())
        .contains("Stored at revision one");

    HttpResponse<String> paused =
        registrar.put(
            stack.registryUrl() + "/forums/" + forumId + "/status",
            """
        {"status": "PAUSED", "effectiveDate": "2024-06-01", "reason": "a command on a revision-one forum"}
        """);
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    await()
        .atMost(VISIBLE_WITHIN)
        .until(
            () ->
                viewer
                    .json(stack.reportingUrl() + "/forums/" + forumId)
                    .toString()
                    .contains("PAUSED"));
    JsonNode verified = auditor.json(stack.reportingUrl() + "/audit/verify");
    assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
  }

  /**
   * What an operator watches: every service's health names the database and the broker, and its
   * Prometheus scrape, for auditors only, carries the commands, the publication lag, the consumers'
   * progress and lag, dead letters and verification.
   */
  @Test
  @Order(8)
  void healthNamesBrokerAndDatabaseAndPrometheusCarriesTheLedgersMetrics() {
    for (String service : List.of(stack.registryUrl(), stack.costUrl(), stack.reportingUrl())) {
      JsonNode open = Http.parse(Http.anonymous().get(service + "/actuator/health").body());
      assertThat(open.at("/components/db/status").asText()).as(service).isEqualTo("UP");
      assertThat(open.at("/components/broker/status").asText()).as(service).isEqualTo("UP");
      assertThat(open.at("/components/broker/details").isMissingNode())
          .as("details are for auditors")
          .isTrue();
      JsonNode detailed = auditor.json(service + "/actuator/health");
      assertThat(detailed.at("/components/broker/details/brokers").asInt())
          .as(service)
          .isEqualTo(1);

      assertThat(viewer.get(service + "/actuator/prometheus").statusCode()).isEqualTo(403);
      assertThat(Http.anonymous().get(service + "/actuator/prometheus").statusCode())
          .isEqualTo(401);
    }
    HttpResponse<String> unknown =
        registrar.put(
            stack.registryUrl() + "/forums/" + UUID.randomUUID() + "/status",
            """
        {"status": "PAUSED", "effectiveDate": "2024-06-01", "reason": "a refused command"}
        """);
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    String registry = auditor.get(stack.registryUrl() + "/actuator/prometheus").body();
    assertThat(registry)
        .contains(
            "ledger_commands_seconds_count{command=\"RegisterForumCommand\",outcome=\"accepted\"")
        .contains("outcome=\"refused\"")
        .contains("ledger_publication_lag_events");
    for (String consumer : List.of(stack.costUrl(), stack.reportingUrl())) {
      assertThat(auditor.get(consumer + "/actuator/prometheus").body())
          .as(consumer)
          .contains("ledger_events_applied_total")
          .contains("ledger_events_position")
          .contains("ledger_events_dead_lettered_total")
          .contains("ledger_events_rejected")
          .contains("kafka_consumer_fetch_manager_records_lag");
    }
  }

  static ConsumerRecord<String, byte[]> publishedRecordOf(String forumId) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.FORUM_EVENTS));
      List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
      await()
          .atMost(VISIBLE_WITHIN)
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(
                        r -> {
                          if (forumId.equals(r.key())) {
                            found.add(r);
                          }
                        });
                return !found.isEmpty();
              });
      return found.get(0);
    }
  }

  static void redeliver(ConsumerRecord<String, byte[]> record) {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> copy =
          new ProducerRecord<>(Topics.FORUM_EVENTS, record.key(), record.value());
      record.headers().forEach(h -> copy.headers().add(h));
      producer.send(copy).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An auditor closes 2023: the registry signs the year's totals at the link reporting holds. The
   * year stays as it was closed; a fact about 2023 recorded afterwards is listed as a change after
   * closing, with who and why, and a second closing is refused.
   */
  @Test
  @Order(7)
  void aClosedYearStaysAsClosedAndALaterFactIsListedAsAChangeAfterClosing(@TempDir Path dir)
      throws Exception {
    HttpResponse<String> checkpoint = auditor.post(stack.registryUrl() + "/checkpoints", "");
    assertThat(checkpoint.statusCode()).as(checkpoint.body()).isEqualTo(201);
    long checkpointed = Http.parse(checkpoint.body()).get("chainSequence").asLong();
    JsonNode verified = auditor.json(stack.reportingUrl() + "/audit/verify");
    assertThat(verified.get("checkpoint").get("chainSequence").asLong()).isEqualTo(checkpointed);
    assertThat(verified.get("checkpoint").get("signatureValid").asBoolean()).isTrue();
    assertThat(verified.get("checkpoint").get("reached").asBoolean()).isTrue();
    assertThat(verified.get("checkpoint").get("matches").asBoolean()).isTrue();
    assertThat(verified.get("intact").asBoolean()).isTrue();

    String close = stack.reportingUrl() + "/audit/years/2023/close";
    assertThat(registrar.post(close, "").statusCode()).isEqualTo(403);
    JsonNode totals = viewer.json(stack.reportingUrl() + "/reports/totals?year=2023");

    HttpResponse<String> closed = auditor.post(close, "");

    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(201);
    JsonNode closing = Http.parse(closed.body());
    assertThat(closing.get("closedBy").asText()).isEqualTo("auditor");
    assertThat(closing.get("totals").get("annualFeeTotal").decimalValue())
        .isEqualByComparingTo(totals.get("annualFeeTotal").decimalValue())
        .isEqualByComparingTo("7905000");
    assertThat(closing.get("totals").get("otherCostTotal").decimalValue())
        .isEqualByComparingTo("2079000");
    assertThat(closing.get("chainSequence").asLong())
        .isEqualTo(viewer.json(stack.registryUrl() + "/chain/head").get("chainSequence").asLong());
    Path keys =
        Files.writeString(
            dir.resolve("keys.json"), viewer.get(stack.registryUrl() + "/keys").body());
    new SignedStatement(
            Http.parse(closing.get("statement").asText()),
            closing.get("hash").asText(),
            closing.get("keyId").asText(),
            closing.get("signature").asText())
        .verify(registryKeys(keys));

    HttpResponse<String> again = auditor.post(close, "");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Http.parse(again.body()).get("type").asText())
        .isEqualTo("https://forumledger.org/problems/year-closed");

    HttpResponse<String> late =
        registrar.post(
            stack.registryUrl() + "/forums",
            """
        {"name": "Found after closing", "area": "Regional utveckling", "kind": "NETWORK",
         "effectiveDate": "2023-06-01", "reason": "missed in the inventory", "decisionReference": "KS 2024-05-02 § 12"}
        """);
    assertThat(late.statusCode()).as(late.body()).isEqualTo(201);
    String review = stack.reportingUrl() + "/audit/years/2023";
    await()
        .atMost(VISIBLE_WITHIN)
        .until(() -> auditor.json(review).get("changesAfterClosing").size() == 1);

    JsonNode reviewed = auditor.json(review);
    JsonNode change = reviewed.get("changesAfterClosing").get(0);
    assertThat(change.get("eventType").asText()).isEqualTo("forum.ForumRegistered");
    assertThat(change.get("actor").asText()).isEqualTo("registrar");
    assertThat(change.get("reason").asText()).isEqualTo("missed in the inventory");
    assertThat(reviewed.get("closing").get("hash").asText())
        .isEqualTo(closing.get("hash").asText());
    assertThat(reviewed.get("closing").get("totals").get("annualFeeTotal").decimalValue())
        .isEqualByComparingTo("7905000");
  }

  /**
   * Issue 15's acceptance, tried as a registrar would: the year's rates and a meeting recorded for
   * one of the six forums whose 2023 other cost was not calculated give it a figure, explained by
   * the meeting and the rate, and it leaves the count; the fees stay as they were, and the chain
   * with the rates in it still verifies.
   */
  @Test
  @Order(9)
  void meetingsAndRatesRecordedForANotCalculatedForumGiveItAFigureAndItLeavesTheCount(
      @TempDir Path dir) throws Exception {
    String year = stack.costUrl() + "/costs/years/2023";
    JsonNode before = viewer.json(year);
    assertThat(before.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("7905000");
    assertThat(before.get("otherCostTotal").decimalValue()).isEqualByComparingTo("2079000");
    assertThat(before.get("notCalculatedCount").asInt()).isEqualTo(6);
    assertThat(before.get("otherCostOnRecords").asInt()).isZero();
    String forumId = null;
    String section = null;
    for (JsonNode row : viewer.json(year + "/forums")) {
      if ("NOT_CALCULATED".equals(row.get("otherCost").get("status").asText())) {
        forumId = row.get("forumId").asText();
        section = row.get("inventoryReference").asText();
        break;
      }
    }
    assertThat(forumId).as("one of the six").isNotNull();

    HttpResponse<String> rates =
        registrar.put(
            stack.registryUrl() + "/cost-rates/2023",
            """
        {"hourlySalarySek": 350, "payrollOverheadPercent": 46.36, "source": "SLK payroll 2023",
         "effectiveDate": "2023-01-01", "reason": "Rates for 2023"}
        """);
    assertThat(rates.statusCode()).as(rates.body()).isEqualTo(200);
    HttpResponse<String> meeting =
        registrar.post(
            stack.registryUrl() + "/forums/" + forumId + "/participations",
            """
        {"body": "SLK", "meetingDate": "2023-05-10", "attendeeCount": 2, "hours": 10,
         "travelSek": 1200, "mode": "PHYSICAL", "effectiveDate": "2023-05-10",
         "reason": "Meeting recorded after the inventory", "decisionReference": "SLK-2023-01081"}
        """);
    assertThat(meeting.statusCode()).as(meeting.body()).isEqualTo(201);
    await()
        .atMost(VISIBLE_WITHIN)
        .until(() -> viewer.json(year).get("notCalculatedCount").asInt() == 5);

    JsonNode after = viewer.json(year);
    // 10 h × 350 × 1.4636 = 5 122.60, travel 1 200
    assertThat(after.get("otherCostTotal").decimalValue()).isEqualByComparingTo("2085322.60");
    assertThat(after.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("7905000");
    assertThat(after.get("otherCostOnRecords").asInt()).isEqualTo(1);
    assertThat(
            viewer
                .json(stack.costUrl() + "/costs/forums/" + forumId + "/years/2023/explain")
                .toString())
        .contains("2023-05-10 SLK PHYSICAL, 2 attended: 10 h = 5122.6 SEK")
        .contains("source: SLK payroll 2023")
        .contains("replaces the estimate recorded for 2023 (NOT_CALCULATED)");

    // reporting: the same figure from the same meeting and rates, and the totals without it
    String totals = stack.reportingUrl() + "/reports/totals?year=2023";
    String otherCost = stack.reportingUrl() + "/forums/" + forumId + "/years/2023/other-cost";
    await()
        .atMost(VISIBLE_WITHIN)
        .until(() -> "AMOUNT".equals(viewer.json(otherCost).path("status").asText()));
    JsonNode derived = viewer.json(otherCost);
    assertThat(derived.get("basis").asText()).isEqualTo("records");
    assertThat(derived.get("totalSek").decimalValue()).isEqualByComparingTo("6322.60");
    assertThat(derived.get("rule").asText()).contains("source: SLK payroll 2023");
    assertThat(derived.get("meetings").get(0).asText())
        .startsWith("2023-05-10 SLK PHYSICAL, 2 attended: 10 h = 5122.6 SEK");
    JsonNode reported = viewer.json(totals);
    assertThat(reported.get("notCalculatedCount").asInt()).isEqualTo(5);
    assertThat(reported.get("otherCostTotal").decimalValue()).isEqualByComparingTo("2085322.60");
    assertThat(reported.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("7905000");
    assertThat(reported.get("forumsOnRecords").asInt()).isEqualTo(1);

    // the appendix: the forum's row takes the derived figure, marked, and the count drops
    HttpResponse<String> appendix =
        viewer.get(stack.reportingUrl() + "/reports/appendix?year=2023&format=csv");
    assertThat(appendix.statusCode()).isEqualTo(200);
    List<org.apache.commons.csv.CSVRecord> rows =
        org.apache.commons.csv.CSVFormat.RFC4180
            .parse(new java.io.StringReader(appendix.body()))
            .getRecords();
    String at = section;
    org.apache.commons.csv.CSVRecord row =
        rows.stream()
            .filter(r -> r.get(0).equals("forum") && r.get(2).equals(at))
            .findFirst()
            .orElseThrow();
    assertThat(row.get(7)).isEqualTo("6.3");
    assertThat(row.get(8)).isEqualTo("härledd ur 1 registrerat möte");
    assertThat(rows)
        .filteredOn(r -> r.get(0).equals("totalsumma"))
        .singleElement()
        .satisfies(r -> assertThat(r.get(3)).endsWith(", 5 med ej beräknad kostnad)"));

    await()
        .atMost(VISIBLE_WITHIN)
        .until(
            () -> auditor.json(stack.reportingUrl() + "/audit/verify").get("intact").asBoolean());

    // the offline verifier recomputes the same totals from the exported history
    HttpResponse<String> export = auditor.get(stack.reportingUrl() + "/audit/export");
    Path history = Files.writeString(dir.resolve("history.jsonl"), export.body());
    Path keys =
        Files.writeString(
            dir.resolve("keys.json"), viewer.get(stack.registryUrl() + "/keys").body());
    VerificationReport verified = Verifier.verify(history, registryKeys(keys), List.of(2023));
    assertThat(verified.intact()).isTrue();
    assertThat(verified.years().get(2023).otherCosts()).isEqualByComparingTo("2085322.60");
    assertThat(verified.years().get(2023).notCalculated()).isEqualTo(5);
  }

  /**
   * Issue 14's acceptance through every service, as the executive office would with the 2023 data:
   * the report's two findings are uncovered goals, a review opened on the board's decision finds
   * its scope, closing early is refused with what is missing, a decision to leave CGHRM (2.13.4,
   * SLK alone, 200 000 SEK a year) is its fee saved from 2025, and each assessment is in the audit
   * history with its reviewer.
   */
  @Test
  @Order(10)
  void aReviewRoundAssessesClosesOnlyWhenCompleteAndPricesAnExit() {
    JsonNode coverage =
        viewer.json(stack.reportingUrl() + "/reports/goal-coverage?period=2023-2026");
    assertThat(coverage.get("coverage").get("uncovered"))
        .extracting(JsonNode::asText)
        .contains("kompetensforsorjning-2023", "segregation-2023");

    HttpResponse<String> opened =
        registrar.post(
            stack.registryUrl() + "/reviews",
            """
        {"reviewId": "e2e-oversyn", "title": "Översyn av externa nätverk och samarbeten",
         "period": "2023-2026", "decisionReference": "KS 2024-04-17 § 312", "openedOn": "2024-05-02"}
        """);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    JsonNode scope = Http.parse(opened.body()).get("scope");
    String cghrm = forumIdOf("2.13.4");
    assertThat(scope)
        .filteredOn(p -> p.get("forumId").asText().equals(cghrm))
        .extracting(p -> p.get("body").asText())
        .containsExactly("SLK");

    String participation = stack.registryUrl() + "/reviews/e2e-oversyn/%s/" + cghrm + "/SLK";
    HttpResponse<String> assessed =
        registrar.put(
            participation.formatted("assessments"),
            """
        {"necessity": "NOT_NECESSARY", "rationale": "HR networks of the city cover it",
         "goalIds": ["kompetensforsorjning-2023"],
         "recommendation": {"kind": "LEAVE", "leaveFrom": "2025-01-01"}}
        """);
    assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(200);

    long before = storedEvents();
    HttpResponse<String> early =
        registrar.post(
            stack.registryUrl() + "/reviews/e2e-oversyn/close", "{\"closedOn\": \"2024-11-30\"}");
    assertThat(early.statusCode()).as(early.body()).isEqualTo(422);
    JsonNode missing = Http.parse(early.body()).get("missing");
    assertThat(missing).hasSize(scope.size() - 1);
    assertThat(missing).noneMatch(p -> p.get("forumId").asText().equals(cghrm));
    assertThat(storedEvents()).isEqualTo(before);

    HttpResponse<String> decided =
        registrar.put(
            participation.formatted("decisions"),
            """
        {"decision": {"kind": "LEAVE", "leaveFrom": "2025-01-01"},
         "decisionReference": "KS 2024-11-20 § 901", "decidedOn": "2024-11-20"}
        """);
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

    String savings = stack.costUrl() + "/costs/reviews/e2e-oversyn/savings";
    await()
        .atMost(VISIBLE_WITHIN)
        .ignoreExceptions()
        .until(() -> saving(viewer.json(savings), 2025).signum() > 0);
    JsonNode saved = viewer.json(savings);
    assertThat(saving(saved, 2024)).isEqualByComparingTo("0");
    assertThat(saving(saved, 2025)).isEqualByComparingTo("212000");
    assertThat(saving(saved, 2026)).isEqualByComparingTo("212000");
    assertThat(saved.get("periods").get(0).get("period").asText()).isEqualTo("2023-2026");
    assertThat(saved.get("periods").get(0).get("savingSek").decimalValue())
        .isEqualByComparingTo("424000");
    // the actual 2023 figures are untouched by a decision about 2025
    JsonNode year = viewer.json(stack.costUrl() + "/costs/years/2023");
    assertThat(year.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("7905000");

    String progress = stack.reportingUrl() + "/reports/reviews/e2e-oversyn/progress";
    await().atMost(VISIBLE_WITHIN).until(() -> viewer.get(progress).statusCode() == 200);
    JsonNode counted = viewer.json(progress).get("progress");
    assertThat(counted.get("total").asInt()).isEqualTo(scope.size());
    assertThat(counted.get("assessedCount").asInt()).isEqualTo(1);
    JsonNode history = auditor.json(stack.reportingUrl() + "/audit?forumId=review-e2e-oversyn");
    assertThat(history)
        .extracting(e -> e.get("eventType").asText() + " by " + e.get("actor").asText())
        .containsExactly(
            "review.ReviewOpened by registrar",
            "review.ParticipationAssessed by registrar",
            "review.DecisionRecorded by registrar");
    assertThat(auditor.json(stack.reportingUrl() + "/audit/verify").get("intact").asBoolean())
        .isTrue();
  }

  static BigDecimal saving(JsonNode savings, int year) {
    for (JsonNode y : savings.get("years")) {
      if (y.get("year").asInt() == year) {
        return y.get("savingSek").decimalValue();
      }
    }
    throw new AssertionError("no year " + year + " in " + savings);
  }

  static String forumIdOf(String inventoryReference) {
    for (JsonNode forum : viewer.json(stack.reportingUrl() + "/forums").get("forums")) {
      if (inventoryReference.equals(forum.get("inventoryReference").asText())) {
        return forum.get("forumId").asText();
      }
    }
    throw new AssertionError("No forum " + inventoryReference);
  }
}
