package org.forumledger.reporting.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.Topics;
import org.forumledger.events.WireHeaders;
import org.forumledger.events.testing.ChainSealer;
import org.forumledger.events.testing.TestKeys;
import org.forumledger.infra.LedgerInfrastructure;
import org.forumledger.reporting.ReportingServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real broker and database, the reporting service on a random port, a producer that publishes
 * like the registry, and an HTTP client. One per integration-test class.
 */
public final class ReportingStack implements AutoCloseable {

  public static final String REGISTRAR = "registrar-secret";
  public static final String AUDITOR = "auditor-secret";
  public static final String VIEWER = "viewer-secret";

  public final LedgerInfrastructure infra;
  public final ConfigurableApplicationContext app;
  public final KafkaProducer<String, byte[]> producer;
  public final WebTestClient http;
  public final JdbcTemplate jdbc;

  /** Seals what this stack publishes, as the registry would: one chain for the stack's topic. */
  public final ChainSealer registry = new ChainSealer();

  private ReportingStack(
      LedgerInfrastructure infra,
      ConfigurableApplicationContext app,
      KafkaProducer<String, byte[]> producer) {
    this.infra = infra;
    this.app = app;
    this.producer = producer;
    this.http =
        WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
            .responseTimeout(Duration.ofSeconds(30))
            .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
            .build();
    this.jdbc = app.getBean(JdbcTemplate.class);
  }

  public static ReportingStack start(String... extraProperties) {
    LedgerInfrastructure infra = LedgerInfrastructure.forTests();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(Topics.FORUM_EVENTS, Topics.FORUM_EVENTS_PARTITIONS, (short) 1),
                  new NewTopic(
                      Topics.deadLetter("reporting-service"),
                      Topics.FORUM_EVENTS_PARTITIONS,
                      (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      infra.close();
      throw new IllegalStateException("Cannot create topics", e);
    }
    List<String> properties =
        new ArrayList<>(
            List.of(
                "spring.config.name=reporting-service",
                "server.port=0",
                "spring.datasource.url=" + infra.jdbcUrl(),
                "spring.datasource.username=" + infra.dbUsername(),
                "spring.datasource.password=" + infra.dbPassword(),
                "spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "ledger.security.registrar-password=" + REGISTRAR,
                "ledger.security.auditor-password=" + AUDITOR,
                "ledger.security.viewer-password=" + VIEWER));
    properties.addAll(List.of(TestKeys.consumerProperties()));
    properties.addAll(List.of(extraProperties));
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(ReportingServiceApplication.class)
            .properties("spring.config.name=reporting-service")
            .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    Properties producerProps = new Properties();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    return new ReportingStack(infra, app, new KafkaProducer<>(producerProps));
  }

  public void publish(EventEnvelope envelope) {
    var m = envelope.metadata();
    publishUnsealed(
        m.forumId(), registry.seal(envelope), m.eventType(), m.eventVersion(), m.eventId());
  }

  public void publishAll(List<EventEnvelope> envelopes) {
    envelopes.forEach(this::publish);
    producer.flush();
  }

  /** A record value of the test's own making, sealed as the next link of the chain. */
  public void publishRaw(String key, byte[] value, String type, int version, String eventId) {
    publishUnsealed(key, registry.seal(value).value(), type, version, eventId);
  }

  /** Bytes exactly as given, as any Kafka client could write them: not sealed, not chained. */
  public void publishUnsealed(String key, byte[] value, String type, int version, String eventId) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FORUM_EVENTS, key, value);
    record.headers().add(WireHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add(WireHeaders.EVENT_VERSION, String.valueOf(version).getBytes(StandardCharsets.UTF_8));
    record.headers().add(WireHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
    try {
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot publish", e);
    }
  }

  /** Waits until the event with this id has been handled by the consumer. */
  public void awaitHandled(String eventId) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from applied_event where event_id = ?",
                        Integer.class,
                        eventId)
                    == 1);
  }

  /** Starts the auditor's replay. */
  public void startReplay() {
    http.post()
        .uri("/admin/replay")
        .headers(h -> h.setBasicAuth("auditor", AUDITOR))
        .exchange()
        .expectStatus()
        .isAccepted();
  }

  /** The replay's progress once it is done. */
  public JsonNode awaitReplayDone(Duration atMost) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              last[0] = asAuditor("/admin/replay");
              return last[0].get("state").asText().equals("DONE");
            });
    return last[0];
  }

  public JsonNode getJson(String uri, String user, String password) {
    byte[] body =
        http.get()
            .uri(uri)
            .headers(h -> h.setBasicAuth(user, password))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBodyContent();
    try {
      return EventJson.mapper().readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public JsonNode asViewer(String uri) {
    return getJson(uri, "viewer", VIEWER);
  }

  public JsonNode asAuditor(String uri) {
    return getJson(uri, "auditor", AUDITOR);
  }

  /** A counter of this service's meter registry, 0 before it first counts. */
  public double counter(String name, String... tags) {
    var counter = app.getBean(MeterRegistry.class).find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() {
    try {
      producer.close(Duration.ofSeconds(5));
      app.close();
    } finally {
      infra.close();
    }
  }
}
