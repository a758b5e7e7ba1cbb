package org.forumledger.registry.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.forumledger.events.CostRatesRecorded;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.Topics;
import org.forumledger.events.seal.Seals;
import org.forumledger.registry.RegistryTestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Participation records and a year's cost rates through the registry's API, against the real
 * database and broker: status codes, that a refusal writes nothing, and that rates are published in
 * the one chain under their own key.
 */
class ParticipationApiIT {

  static final String WHY =
      "\"effectiveDate\": \"2023-03-14\", \"reason\": \"Meeting\", \"decisionReference\": null";
  static final String MEETING =
      "{\"body\": \"KS\", \"meetingDate\": \"2023-03-14\", \"attendeeCount\": 2, \"hours\": 7.5,"
          + " \"travelSek\": 1500, \"perDiemSek\": 290, \"mode\": \"PHYSICAL\", "
          + WHY
          + "}";

  static RegistryTestStack stack;
  static WebTestClient registrar;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void start() {
    stack = RegistryTestStack.start();
    registrar = stack.registrar();
    jdbc = stack.context().getBean(JdbcTemplate.class);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  static long storedEvents() {
    return stack.storedEvents();
  }

  static String register() {
    return stack.register(RegistryApiIT.FORUM);
  }

  static WebTestClient.ResponseSpec write(
      String method, String uri, String body, String ifMatch, Object... vars) {
    WebTestClient.RequestBodySpec spec =
        switch (method) {
          case "POST" -> registrar.post().uri(uri, vars);
          case "PUT" -> registrar.put().uri(uri, vars);
          default -> registrar.method(org.springframework.http.HttpMethod.DELETE).uri(uri, vars);
        };
    if (ifMatch != null) {
      spec = spec.header("If-Match", ifMatch);
    }
    return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  @Test
  void aMeetingIsRecordedCorrectedAndWithdrawnEachWithTheForumsNewETag() {
    String forumId = register();

    EntityExchangeResult<byte[]> created =
        write("POST", "/forums/{id}/participations", MEETING, "\"0\"", forumId)
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("ETag", "\"1\"")
            .expectBody()
            .jsonPath("$.participations[0].hours")
            .isEqualTo(7.5)
            .jsonPath("$.participations[0].lodgingSek")
            .isEqualTo(0)
            .jsonPath("$.participations[0].correction")
            .isEqualTo(false)
            .returnResult();
    String location = created.getResponseHeaders().getLocation().toString();
    String participationId = location.substring(location.lastIndexOf('/') + 1);
    assertThat(location).isEqualTo("/forums/" + forumId + "/participations/" + participationId);

    write(
            "PUT",
            "/forums/{id}/participations/{p}",
            MEETING.replace("7.5", "9").replace("\"Meeting\"", "\"Preparation forgotten\""),
            "\"1\"",
            forumId,
            participationId)
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("ETag", "\"2\"")
        .expectBody()
        .jsonPath("$.participations.length()")
        .isEqualTo(1)
        .jsonPath("$.participations[0].hours")
        .isEqualTo(9)
        .jsonPath("$.participations[0].correction")
        .isEqualTo(true);
    write(
            "DELETE",
            "/forums/{id}/participations/{p}",
            "{" + WHY + "}",
            "\"2\"",
            forumId,
            participationId)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.participations.length()")
        .isEqualTo(0);

    assertThat(
            jdbc.queryForList(
                "select payload_type from domain_event_entry where aggregate_identifier = ?"
                    + " order by sequence_number",
                String.class,
                forumId))
        .containsExactly(
            "org.forumledger.events.ForumRegistered",
            "org.forumledger.events.ParticipationRecorded",
            "org.forumledger.events.ParticipationRecorded",
            "org.forumledger.events.ParticipationWithdrawn");
    // the correction is a new event beside the first record, with its own reason
    assertThat(
            jdbc.queryForList(
                "select convert_from(meta_data, 'UTF8') from domain_event_entry"
                    + " where aggregate_identifier = ? and sequence_number in (1, 2)"
                    + " order by sequence_number",
                String.class,
                forumId))
        .satisfiesExactly(
            first -> assertThat(first).contains("\"reason\":\"Meeting\""),
            correction -> assertThat(correction).contains("\"reason\":\"Preparation forgotten\""));
  }

  @Test
  void aMeetingHeldThatNobodyOfTheBodyAttendedIsRecordedWithCountZero() {
    String forumId = register();

    write(
            "POST",
            "/forums/{id}/participations",
            MEETING.replace("\"attendeeCount\": 2", "\"attendeeCount\": 0"),
            null,
            forumId)
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.participations[0].attendeeCount")
        .isEqualTo(0);
    long before = storedEvents();
    RegistryApiIT.problem(
            write(
                "POST",
                "/forums/{id}/participations",
                MEETING.replace("\"attendeeCount\": 2", "\"attendeeCount\": -1"),
                null,
                forumId),
            400)
        .jsonPath("$.errors[0].field")
        .isEqualTo("attendeeCount");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void aRetriedRecordingWithTheSameIdempotencyKeyRecordsTheMeetingOnce() {
    String forumId = register();
    String key = "meeting-" + UUID.randomUUID();
    List<String> locations = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      locations.add(
          registrar
              .post()
              .uri("/forums/{id}/participations", forumId)
              .header("Idempotency-Key", key)
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue(MEETING)
              .exchange()
              .expectStatus()
              .isCreated()
              .returnResult(byte[].class)
              .getResponseHeaders()
              .getLocation()
              .toString());
    }

    assertThat(locations.get(1)).isEqualTo(locations.get(0));
    assertThat(storedPayloads(forumId)).hasSize(2);
  }

  @Test
  void refusalsAreProblemsAndWriteNothing() {
    String forumId = register();
    long before = storedEvents();

    RegistryApiIT.problem(
            write(
                "POST",
                "/forums/{id}/participations",
                MEETING.replace("\"attendeeCount\": 2", "\"appointmentIds\": [\"a-9\"]"),
                null,
                forumId),
            422)
        .jsonPath("$.errors[0].field")
        .isEqualTo("appointmentIds[0]");
    RegistryApiIT.problem(
            write(
                "POST",
                "/forums/{id}/participations",
                MEETING.replace("\"hours\": 7.5,", ""),
                null,
                forumId),
            400)
        .jsonPath("$.errors[0].field")
        .isEqualTo("hours");
    RegistryApiIT.problem(
        write("POST", "/forums/{id}/participations", MEETING, null, "no-such-forum"), 404);
    RegistryApiIT.problem(
        write("POST", "/forums/{id}/participations", MEETING, null, "cost-rates-2023"), 404);
    RegistryApiIT.problem(
        write("PUT", "/forums/{id}/participations/{p}", MEETING, null, forumId, "p-unknown"), 422);
    RegistryApiIT.problem(
        write("POST", "/forums/{id}/participations", MEETING, "\"7\"", forumId), 412);
    RegistryApiIT.problem(
        write("POST", "/forums/{id}/participations", "{\"body\": ", null, forumId), 400);

    assertThat(storedEvents()).isEqualTo(before);
    registrar
        .get()
        .uri("/forums/{id}", forumId)
        .exchange()
        .expectHeader()
        .valueEquals("ETag", "\"0\"");
  }

  @Test
  void aCorrectionWithoutAReasonIsRefusedAndWritesNothing() {
    String forumId = register();
    String recorded =
        write("POST", "/forums/{id}/participations", MEETING, "\"0\"", forumId)
            .expectStatus()
            .isCreated()
            .returnResult(byte[].class)
            .getResponseHeaders()
            .getLocation()
            .toString();
    long withTheMeeting = storedEvents();
    RegistryApiIT.problem(
            write(
                "PUT",
                recorded,
                MEETING.replace("7.5", "9").replace("\"reason\": \"Meeting\"", "\"reason\": \" \""),
                null),
            400)
        .jsonPath("$.errors[0].field")
        .isEqualTo("reason");
    assertThat(storedEvents())
        .as("a correction without a reason writes nothing")
        .isEqualTo(withTheMeeting);
  }

  static final String RATES =
      "{\"hourlySalarySek\": 350, \"payrollOverheadPercent\": 46.36, \"source\": \"SLK payroll\","
          + " \"travelPrices\": [{\"route\": \"Göteborg–Stockholm t/r\", \"priceSek\": 1500}],"
          + " \"effectiveDate\": \"2031-01-01\", \"reason\": \"Rates\", \"decisionReference\": null}";

  @Test
  void aYearsRatesAreRecordedReadCorrectedAndPublishedInTheChainUnderTheirOwnKey() {
    registrar.get().uri("/cost-rates/2031").exchange().expectStatus().isNotFound();

    write("PUT", "/cost-rates/{year}", RATES, null, 2031)
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("ETag", "\"0\"")
        .expectBody()
        .jsonPath("$.hourlyCostSek")
        .isEqualTo(512.26)
        .jsonPath("$.correction")
        .isEqualTo(false);
    RegistryApiIT.problem(
        write("PUT", "/cost-rates/{year}", RATES.replace("350", "360"), "\"5\"", 2031), 412);
    write("PUT", "/cost-rates/{year}", RATES.replace("350", "360"), "\"0\"", 2031)
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("ETag", "\"1\"");
    long before = storedEvents();
    RegistryApiIT.problem(
            write(
                "PUT", "/cost-rates/{year}", RATES.replace("\"SLK payroll\"", "\" \""), null, 2031),
            400)
        .jsonPath("$.errors[0].field")
        .isEqualTo("source");
    RegistryApiIT.problem(
        write("PUT", "/cost-rates/{year}", RATES.replace("46.36", "301"), null, 2031), 422);
    assertThat(storedEvents()).isEqualTo(before);

    registrar
        .get()
        .uri("/cost-rates")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[?(@.year == 2031)].hourlySalarySek")
        .isEqualTo(List.of(360))
        .jsonPath("$[?(@.year == 2031)].correction")
        .isEqualTo(List.of(true))
        .jsonPath("$[?(@.year == 2031)].source")
        .isEqualTo(List.of("SLK payroll"))
        .jsonPath("$[?(@.year == 2031)].travelPrices[0].route")
        .isEqualTo(List.of("Göteborg–Stockholm t/r"))
        .jsonPath("$[?(@.year == 2031)].travelPrices[0].priceSek")
        .isEqualTo(List.of(1500));
    stack
        .client("viewer", RegistryTestStack.VIEWER_PASSWORD)
        .get()
        .uri("/cost-rates/2031")
        .exchange()
        .expectStatus()
        .isOk();
    RegistryApiIT.problem(
        stack
            .client("viewer", RegistryTestStack.VIEWER_PASSWORD)
            .put()
            .uri("/cost-rates/2031")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(RATES)
            .exchange(),
        403);
    registrar.get().uri("/forums/cost-rates-2031").exchange().expectStatus().isNotFound();

    List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infra().kafkaBootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "rates-test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.FORUM_EVENTS));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(published::add);
                return published.stream().filter(r -> "cost-rates-2031".equals(r.key())).count()
                    == 2;
              });
    }
    List<EventEnvelope> rates =
        published.stream()
            .filter(r -> "cost-rates-2031".equals(r.key()))
            .map(r -> EventJson.read(r.value()).orElseThrow())
            .toList();
    assertThat(rates)
        .extracting(e -> ((CostRatesRecorded) e.payload()).hourlySalarySek().intValue())
        .containsExactly(350, 360);
    assertThat(rates.get(1).metadata().forumId()).isEqualTo("cost-rates-2031");
    assertThat(rates.get(1).metadata().eventType()).isEqualTo("rates.CostRatesRecorded");
    // one chain: every record the registry published continues the one before it
    for (int i = 1; i < published.size(); i++) {
      assertThat(seal(published.get(i), "previousHash"))
          .isEqualTo(seal(published.get(i - 1), "hash"));
    }
  }

  static List<String> storedPayloads(String forumId) {
    return jdbc.queryForList(
        "select payload_type from domain_event_entry where aggregate_identifier = ?"
            + " order by sequence_number",
        String.class,
        forumId);
  }

  static String seal(ConsumerRecord<String, byte[]> record, String field) {
    return Seals.readTree(record.value()).get(Seals.SEAL).get(field).asText();
  }

  @Test
  void theOpenApiDocumentDescribesTheNewRoutes() {
    registrar
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/forums/{forumId}/participations'].post")
        .exists()
        .jsonPath("$.paths['/forums/{forumId}/participations/{participationId}'].put")
        .exists()
        .jsonPath("$.paths['/forums/{forumId}/participations/{participationId}'].delete")
        .exists()
        .jsonPath("$.paths['/cost-rates/{year}'].put")
        .exists()
        .jsonPath("$.components.schemas.ParticipationRequest.properties.hours.description")
        .value(d -> assertThat((String) d).contains("preparation"))
        .jsonPath("$.components.schemas.CostRatesRequest.properties.payrollOverheadPercent")
        .exists();
  }
}
