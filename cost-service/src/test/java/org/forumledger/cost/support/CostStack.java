package org.forumledger.cost.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.forumledger.cost.CostServiceApplication;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.Topics;
import org.forumledger.events.WireHeaders;
import org.forumledger.events.testing.ChainSealer;
import org.forumledger.events.testing.TestKeys;
import org.forumledger.infra.LedgerInfrastructure;
import org.forumledger.kit.consumer.ForumEventConsumer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A real broker and database with the cost service running against them, for one test class. */
public final class CostStack implements AutoCloseable {

  public static final String REGISTRAR_PASSWORD = "registrar-secret";
  public static final String VIEWER_PASSWORD = "viewer-secret";
  public static final String AUDITOR_PASSWORD = "auditor-secret";

  private final LedgerInfrastructure infra;
  private final ConfigurableApplicationContext context;
  private final KafkaProducer<String, byte[]> producer;
  private final int port;

  /** Seals what this stack publishes, as the registry would: one chain for the stack's topic. */
  private final ChainSealer registry = new ChainSealer();

  private CostStack(
      LedgerInfrastructure infra,
      ConfigurableApplicationContext context,
      KafkaProducer<String, byte[]> producer) {
    this.infra = infra;
    this.context = context;
    this.producer = producer;
    this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  public static CostStack start() throws Exception {
    return start(null);
  }

  /**
   * A stack whose "today" is {@code clock}'s, so that what depends on the current year (the
   * projection horizon, which years are projected) is fixed by the test, not by the day it runs.
   */
  public static CostStack start(Clock clock) throws Exception {
    LedgerInfrastructure infra = LedgerInfrastructure.forTests();
    try {
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
        admin
            .createTopics(
                List.of(
                    new NewTopic(Topics.FORUM_EVENTS, Topics.FORUM_EVENTS_PARTITIONS, (short) 1),
                    new NewTopic(
                        Topics.deadLetter("cost-service"),
                        Topics.FORUM_EVENTS_PARTITIONS,
                        (short) 1)))
            .all()
            .get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
      ConfigurableApplicationContext context =
          new SpringApplicationBuilder(CostServiceApplication.class)
              .properties(CostServiceApplication.CONFIG_NAME)
              .initializers(
                  starting -> {
                    if (clock != null) {
                      starting.getBeanFactory().registerSingleton("clock", clock);
                    }
                  })
              // command-line arguments outrank cost-service.yml; default properties would not
              .run(
                  "--" + TestKeys.consumerProperties()[0],
                  "--" + TestKeys.consumerProperties()[1],
                  "--server.port=0",
                  "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                  "--spring.datasource.url=" + infra.jdbcUrl(),
                  "--spring.datasource.username=" + infra.dbUsername(),
                  "--spring.datasource.password=" + infra.dbPassword(),
                  "--ledger.security.registrar-password=" + REGISTRAR_PASSWORD,
                  "--ledger.security.auditor-password=" + AUDITOR_PASSWORD,
                  "--ledger.security.viewer-password=" + VIEWER_PASSWORD);
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
      return new CostStack(infra, context, producer);
    } catch (Exception | Error e) {
      infra.close();
      throw e;
    }
  }

  public LedgerInfrastructure infra() {
    return infra;
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  public void publish(EventEnvelope envelope) {
    send(
        envelope.metadata().forumId(),
        registry.seal(envelope),
        envelope.metadata().eventType(),
        String.valueOf(envelope.metadata().eventVersion()),
        envelope.metadata().eventId());
  }

  /**
   * Publishes the events in order and waits until the read model stands at the last one's position
   * (the checksum route's position).
   */
  public void publishAndWait(List<EventEnvelope> batch) {
    batch.forEach(this::publish);
    long last = batch.get(batch.size() - 1).metadata().globalPosition();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(Json.get(viewer(), "/costs/checksum").get("position").asLong())
                    .isEqualTo(last));
  }

  /** A record value of the stack's own making, sealed as the next link of the chain. */
  public void publishRaw(String key, byte[] value, String type, String eventId) {
    send(key, registry.seal(value).value(), type, "1", eventId);
  }

  /** Bytes exactly as given, as any Kafka client could write them: not sealed, not chained. */
  public void publishUnsealed(String key, byte[] value, String type, String eventId) {
    send(key, value, type, "1", eventId);
  }

  public ChainSealer registry() {
    return registry;
  }

  public static byte[] json(Object tree) {
    try {
      return EventJson.mapper().writeValueAsBytes(tree);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void send(String key, byte[] value, String type, String version, String eventId) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FORUM_EVENTS, key, value);
    record.headers().add(WireHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
    record.headers().add(WireHeaders.EVENT_VERSION, version.getBytes(StandardCharsets.UTF_8));
    record.headers().add(WireHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
    try {
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public WebTestClient client(String user, String password) {
    return WebTestClient.bindToServer()
        .baseUrl("http://localhost:" + port)
        .responseTimeout(Duration.ofSeconds(30))
        .defaultHeader(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  public WebTestClient viewer() {
    return client("viewer", VIEWER_PASSWORD);
  }

  public WebTestClient registrar() {
    return client("registrar", REGISTRAR_PASSWORD);
  }

  public WebTestClient anonymous() {
    return WebTestClient.bindToServer()
        .baseUrl("http://localhost:" + port)
        .responseTimeout(Duration.ofSeconds(30))
        .build();
  }

  /**
   * Rebuilds the read model as a registrar and waits for it to finish; the finished progress. A
   * rebuild takes as long as the history is long and the machine is busy: a speed measured, not a
   * deadline.
   */
  public JsonNode rebuild() {
    JsonNode started =
        Json.parse(
            registrar()
                .post()
                .uri("/costs/admin/rebuild")
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .location("/costs/admin/rebuild")
                .expectBody()
                .returnResult()
                .getResponseBody());
    if (!"RUNNING".equals(started.get("state").asText())) {
      throw new AssertionError("A rebuild that just started is RUNNING: " + started);
    }
    return await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> Json.get(viewer(), "/costs/admin/rebuild"),
            progress -> !"RUNNING".equals(progress.get("state").asText()));
  }

  /** Starts the live listener again. */
  public void startListener() {
    context
        .getBean(KafkaListenerEndpointRegistry.class)
        .getListenerContainer(ForumEventConsumer.LISTENER_ID)
        .start();
  }

  /** Stops the live listener, for a test that fills the topic or the tables itself. */
  public void stopListener() {
    context
        .getBean(KafkaListenerEndpointRegistry.class)
        .getListenerContainer(ForumEventConsumer.LISTENER_ID)
        .stop();
  }

  public double counter(String name, String... tags) {
    var counter = context.getBean(MeterRegistry.class).find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() {
    try {
      producer.close(Duration.ofSeconds(5));
      context.close();
    } finally {
      infra.close();
    }
  }
}
