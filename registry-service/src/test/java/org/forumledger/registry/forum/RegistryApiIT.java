package org.forumledger.registry.forum;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.forumledger.registry.RegistryTestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every status code of the registry API, against the real database, and that a refusal writes
 * nothing.
 */
class RegistryApiIT {

  static final String FORUM =
      """
      {"inventoryReference": "2.2.10", "name": "STRING", "purpose": "Corridor collaboration",
       "area": "Infrastruktur inom transport och kollektivtrafik", "kind": "COLLABORATION",
       "collaborationType": "samverkansorgan", "convener": "STRING", "scope": "INTERNATIONAL",
       "meetingsPerYear": {"min": 2, "max": 4}, "meetingMode": "MIXED",
       "effectiveDate": "2023-01-01", "reason": "Inventory 2023", "decisionReference": "SLK-2023-01081"}
      """;

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
    return stack.register(FORUM);
  }

  @Test
  void registeringAnswers201WithLocationAndTheStateCarriesAnETag() {
    String forumId = register();

    registrar
        .get()
        .uri("/forums/{id}", forumId)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("ETag", "\"0\"")
        .expectBody()
        .jsonPath("$.details.name")
        .isEqualTo("STRING")
        .jsonPath("$.details.meetingsPerYear.max")
        .isEqualTo(4)
        .jsonPath("$.status")
        .isEqualTo("ACTIVE");
  }

  @Test
  void theActorIsTheAuthenticatedPrincipalNeverTheRequest() {
    String forumId = register();

    String metadata =
        jdbc.queryForObject(
            "select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = ?",
            String.class,
            forumId);

    assertThat(metadata)
        .contains("\"actor\":\"registrar\"")
        .contains("SLK-2023-01081")
        .contains("2023-01-01");
  }

  @Test
  void malformedJsonIs400AndWritesNothing() {
    long before = storedEvents();

    problem(
            registrar
                .post()
                .uri("/forums")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": ")
                .exchange(),
            400)
        .jsonPath("$.errors")
        .doesNotExist();
    problem(
            registrar
                .put()
                .uri("/forums/{id}/headcounts/2023/Parliament", "x")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange(),
            400)
        .jsonPath("$.errors[0].field")
        .isEqualTo("body");

    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void missingAndBlankFieldsAre400NamingTheFields() {
    long before = storedEvents();

    problem(
            registrar
                .post()
                .uri("/forums")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                    "{\"name\": \" \", \"kind\": \"NETWORK\", \"effectiveDate\": \"2023-01-01\"}")
                .exchange(),
            400)
        .jsonPath("$.errors[?(@.field == 'name')]")
        .exists()
        .jsonPath("$.errors[?(@.field == 'area')]")
        .exists()
        .jsonPath("$.errors[?(@.field == 'reason')]")
        .exists();

    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void unknownEnumValueIs400NamingTheFieldWithoutJavaTypeNames() {
    String body =
        new String(
            problem(
                    registrar
                        .post()
                        .uri("/forums")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(FORUM.replace("\"COLLABORATION\"", "\"CLUB\""))
                        .exchange(),
                    400)
                .jsonPath("$.errors[0].field")
                .isEqualTo("kind")
                .returnResult()
                .getResponseBody(),
            java.nio.charset.StandardCharsets.UTF_8);

    assertThat(body).doesNotContain("org.forumledger");
  }

  @Test
  void aClaimLeftWithoutAnAnswerByAnEarlierRegistryIsTakenOver() {
    jdbc.update(
        "insert into idempotent_request (idempotency_key, principal, request_hash, created_at)"
            + " values ('left-behind', 'registrar', 'x', now())");

    registrar
        .post()
        .uri("/forums")
        .header("Idempotency-Key", "left-behind")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(FORUM)
        .exchange()
        .expectStatus()
        .isCreated();
  }

  @Test
  void aRegistrationRetriedAfterItsClaimWasAbandonedAnswersTheSameForum() {
    String location =
        registrar
            .post()
            .uri("/forums")
            .header("Idempotency-Key", "lost-answer")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(FORUM)
            .exchange()
            .expectStatus()
            .isCreated()
            .returnResult(byte[].class)
            .getResponseHeaders()
            .getLocation()
            .toString();
    // as if the registry had stopped after storing the forum and before keeping its answer
    jdbc.update(
        "update idempotent_request set status_code = null, created_at = now() - interval '3 minutes'"
            + " where idempotency_key = 'lost-answer'");
    long before = storedEvents();

    registrar
        .post()
        .uri("/forums")
        .header("Idempotency-Key", "lost-answer")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(FORUM)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectHeader()
        .valueEquals("Location", location);

    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void aWriteWhoseTransactionRollsBackLeavesNoTraceInTheForumKeptInMemory() {
    String forumId = register();
    String fee = "{\"status\": \"AMOUNT\", \"amount\": 5000, " + PROVENANCE + "}";
    // the events are appended, then keeping the answer fails: the whole transaction rolls back
    jdbc.execute(
        "create or replace function refuse_doomed_answer() returns trigger language plpgsql as $$"
            + " begin if new.idempotency_key = 'doomed' then"
            + " raise exception 'the kept answer cannot be written'; end if; return new; end $$");
    jdbc.execute(
        "create trigger refuse_doomed_answer before update on idempotent_request"
            + " for each row execute function refuse_doomed_answer()");
    long before = storedEvents();
    try {
      registrar
          .put()
          .uri("/forums/{id}/fees/2023", forumId)
          .header("Idempotency-Key", "doomed")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(fee)
          .exchange()
          .expectStatus()
          .is5xxServerError();
    } finally {
      jdbc.execute("drop trigger refuse_doomed_answer on idempotent_request");
    }
    assertThat(storedEvents()).isEqualTo(before);

    // had the forum in memory kept the lost fee, the same fee would be "no change" and write
    // nothing
    putFee(forumId, 2023, fee).expectStatus().isOk();
    assertThat(storedEvents()).isEqualTo(before + 1);
  }

  @Test
  void aBadIfMatchWithAnIdempotencyKeyDoesNotBlockTheKey() {
    String forumId = register();
    String appoint =
        "{\"personName\": \"Anna\", \"body\": \"KS\", \"role\": \"LEDAMOT\", \"validFrom\": \"2023-01-01\", "
            + PROVENANCE
            + "}";

    problem(
        registrar
            .post()
            .uri("/forums/{id}/representatives", forumId)
            .header("If-Match", "abc")
            .header("Idempotency-Key", "appoint-1")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(appoint)
            .exchange(),
        400);

    registrar
        .post()
        .uri("/forums/{id}/representatives", forumId)
        .header("Idempotency-Key", "appoint-1")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(appoint)
        .exchange()
        .expectStatus()
        .isCreated();
  }

  @Test
  void negativeOrNonDecimalAmountsAre400() {
    String forumId = register();
    long before = storedEvents();

    problem(
            putFee(forumId, 2023, "{\"status\": \"AMOUNT\", \"amount\": -5, " + PROVENANCE + "}"),
            400)
        .jsonPath("$.errors[0].field")
        .isEqualTo("amount");
    problem(
        putFee(forumId, 2023, "{\"status\": \"AMOUNT\", \"amount\": \"lots\", " + PROVENANCE + "}"),
        400);
    problem(
        putFee(forumId, 2023, "{\"status\": \"AMOUNT\", \"amount\": 10.123, " + PROVENANCE + "}"),
        400);

    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void aForeignCurrencyWithoutARateIs422() {
    String forumId = register();
    long before = storedEvents();

    problem(
            putFee(
                forumId,
                2023,
                "{\"status\": \"AMOUNT\", \"amount\": 1500, \"currency\": \"EUR\", "
                    + PROVENANCE
                    + "}"),
            422)
        .jsonPath("$.errors[0].field")
        .isEqualTo("exchangeRate");

    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void aForeignCurrencyFeeKeepsItsRateAndTheExactSekAmount() {
    String forumId = register();

    putFee(
            forumId,
            2023,
            "{\"status\": \"AMOUNT\", \"amount\": 1500, \"currency\": \"EUR\", \"exchangeRate\": 11.4765, "
                + PROVENANCE
                + "}")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.fees[0].amountSek")
        .isEqualTo(17214.75)
        .jsonPath("$.fees[0].originalAmount")
        .isEqualTo(1500)
        .jsonPath("$.fees[0].currency")
        .isEqualTo("EUR");
  }

  @Test
  void aForeignFeeGivenWithItsSekAmountKeepsBothAndMarksTheRateImplied() {
    String forumId = register();

    putFee(
            forumId,
            2023,
            "{\"status\": \"AMOUNT\", \"amount\": 1500, \"currency\": \"EUR\","
                + " \"amountSek\": 16000, "
                + PROVENANCE
                + "}")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.fees[0].amountSek")
        .isEqualTo(16000)
        .jsonPath("$.fees[0].originalAmount")
        .isEqualTo(1500)
        .jsonPath("$.fees[0].exchangeRate")
        .isEqualTo(10.666667)
        .jsonPath("$.fees[0].exchangeRateSource")
        .isEqualTo("IMPLIED");
  }

  @Test
  void aForeignFeeWithBothRateAndSekAmountOrASekFeeWithASekAmountIs422() {
    String forumId = register();
    long before = storedEvents();

    problem(
            putFee(
                forumId,
                2023,
                "{\"status\": \"AMOUNT\", \"amount\": 1500, \"currency\": \"EUR\","
                    + " \"exchangeRate\": 11.5, \"amountSek\": 16000, "
                    + PROVENANCE
                    + "}"),
            422)
        .jsonPath("$.errors[0].field")
        .isEqualTo("amountSek");
    problem(
            putFee(
                forumId,
                2023,
                "{\"status\": \"AMOUNT\", \"amount\": 16000, \"amountSek\": 16000, "
                    + PROVENANCE
                    + "}"),
            422)
        .jsonPath("$.errors[0].field")
        .isEqualTo("amountSek");
    problem(
            putFee(
                forumId,
                2023,
                "{\"status\": \"AMOUNT\", \"amount\": 0, \"currency\": \"EUR\","
                    + " \"amountSek\": 16000, "
                    + PROVENANCE
                    + "}"),
            422)
        .jsonPath("$.errors[0].field")
        .isEqualTo("amount");

    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void datesOutOfOrderAre422() {
    String forumId = register();
    long before = storedEvents();

    problem(
        putFee(forumId, 2024, "{\"status\": \"NONE\", \"toYear\": 2023, " + PROVENANCE + "}"), 422);
    problem(
            registrar
                .post()
                .uri("/forums/{id}/representatives", forumId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                    "{\"personName\": \"Anna\", \"body\": \"KS\", \"role\": \"LEDAMOT\", \"validFrom\": \"2023-01-01\", \"validTo\": \"2022-12-31\", "
                        + PROVENANCE
                        + "}")
                .exchange(),
            422)
        .jsonPath("$.errors[0].field")
        .isEqualTo("validTo");

    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void anAppointmentEndingBeforeItStartsIs422() {
    String forumId = register();
    registrar
        .post()
        .uri("/forums/{id}/representatives", forumId)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            "{\"appointmentId\": \"a-1\", \"personName\": \"Anna\", \"body\": \"KS\", \"role\": \"LEDAMOT\", \"validFrom\": \"2023-01-01\", "
                + PROVENANCE
                + "}")
        .exchange()
        .expectStatus()
        .isCreated()
        .expectHeader()
        .valueMatches("Location", ".*/representatives/a-1");
    long before = storedEvents();

    problem(
        registrar
            .put()
            .uri("/forums/{id}/representatives/a-1/ending", forumId)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"endedOn\": \"2022-06-30\", " + PROVENANCE + "}")
            .exchange(),
        422);

    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void aFeeOrAppointmentAfterAForumEndedIs422ButTheEndAndEarlierYearsCanBeCorrected() {
    String forumId = register();
    registrar
        .put()
        .uri("/forums/{id}/status", forumId)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"status\": \"ENDED\", " + PROVENANCE + "}")
        .exchange()
        .expectStatus()
        .isOk();
    long before = storedEvents();

    problem(
        putFee(forumId, 2024, "{\"status\": \"AMOUNT\", \"amount\": 100, " + PROVENANCE + "}"),
        422);
    problem(
        registrar
            .post()
            .uri("/forums/{id}/representatives", forumId)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                "{\"personName\": \"Anna\", \"body\": \"KS\", \"role\": \"LEDAMOT\", \"validFrom\": \"2024-01-01\", "
                    + PROVENANCE
                    + "}")
            .exchange(),
        422);
    assertThat(storedEvents()).isEqualTo(before);

    putFee(forumId, 2023, "{\"status\": \"AMOUNT\", \"amount\": 100, " + PROVENANCE + "}")
        .expectStatus()
        .isOk();
    registrar
        .put()
        .uri("/forums/{id}/status", forumId)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"status\": \"ACTIVE\", " + PROVENANCE + "}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("ACTIVE");
    putFee(forumId, 2024, "{\"status\": \"AMOUNT\", \"amount\": 100, " + PROVENANCE + "}")
        .expectStatus()
        .isOk();
    assertThat(storedEvents()).isEqualTo(before + 3);
  }

  @Test
  void anUnknownForumIs404() {
    long before = storedEvents();

    problem(registrar.get().uri("/forums/{id}", "no-such-forum").exchange(), 404);
    problem(putFee("no-such-forum", 2023, "{\"status\": \"NONE\", " + PROVENANCE + "}"), 404);

    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void anOversizedBodyIs413() {
    String huge = FORUM.replace("Corridor collaboration", "x".repeat(70_000));

    problem(
        registrar
            .post()
            .uri("/forums")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(huge)
            .exchange(),
        413);
  }

  @Test
  void aStaleIfMatchIs412AndWritesNothing() {
    String forumId = register();
    putFee(forumId, 2023, "{\"status\": \"AMOUNT\", \"amount\": 100, " + PROVENANCE + "}", "\"0\"")
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("ETag", "\"1\"");
    long before = storedEvents();

    problem(
        putFee(
            forumId,
            2023,
            "{\"status\": \"AMOUNT\", \"amount\": 200, " + PROVENANCE + "}",
            "\"0\""),
        412);

    assertThat(storedEvents()).isEqualTo(before);
  }

  static final int WRITERS = 16;

  /** Starts every write at once, on its own thread, and answers each one's status. */
  static List<HttpStatus> atOnce(List<Supplier<WebTestClient.ResponseSpec>> writes) {
    ExecutorService threads = Executors.newFixedThreadPool(writes.size());
    CountDownLatch ready = new CountDownLatch(writes.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<HttpStatus>> answers = new ArrayList<>();
      for (Supplier<WebTestClient.ResponseSpec> write : writes) {
        answers.add(
            threads.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return (HttpStatus) write.get().returnResult(byte[].class).getStatus();
                }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<HttpStatus> statuses = new ArrayList<>();
      for (Future<HttpStatus> answer : answers) {
        statuses.add(answer.get(60, TimeUnit.SECONDS));
      }
      return statuses;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      threads.shutdownNow();
    }
  }

  static List<String> storedPayloads(String forumId) {
    return jdbc.queryForList(
        "select convert_from(payload, 'UTF8') from domain_event_entry"
            + " where aggregate_identifier = ? order by sequence_number",
        String.class,
        forumId);
  }

  @Test
  void concurrentWritesWithTheSameIfMatchAcceptExactlyOneAndTheOthersAre412AndWriteNothing() {
    String forumId = register();
    List<Supplier<WebTestClient.ResponseSpec>> writes = new ArrayList<>();
    for (int i = 1; i <= WRITERS; i++) {
      String body = "{\"status\": \"AMOUNT\", \"amount\": " + (1000 + i) + ", " + PROVENANCE + "}";
      writes.add(() -> putFee(forumId, 2023, body, "\"0\""));
    }

    List<HttpStatus> statuses = atOnce(writes);

    assertThat(statuses).filteredOn(s -> s == HttpStatus.OK).hasSize(1);
    assertThat(statuses)
        .filteredOn(s -> s != HttpStatus.OK)
        .hasSize(WRITERS - 1)
        .allMatch(s -> s == HttpStatus.PRECONDITION_FAILED);
    String winner =
        registrar
            .get()
            .uri("/forums/{id}", forumId)
            .exchange()
            .expectHeader()
            .valueEquals("ETag", "\"1\"")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    List<String> history = storedPayloads(forumId);
    assertThat(history).as("the registration and the one accepted fee").hasSize(2);
    Number fee = JsonPath.read(winner, "$.fees[0].amountSek");
    int amount = fee.intValue();
    assertThat(amount).isBetween(1001, 1000 + WRITERS);
    assertThat(history.get(1)).contains(String.valueOf(amount));
  }

  @Test
  void concurrentWritesWithoutIfMatchAreAllAcceptedOneAfterTheOtherAndNoneIsLost() {
    String forumId = register();
    List<Supplier<WebTestClient.ResponseSpec>> writes = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      int year = 2023 + i;
      String body =
          "{\"status\": \"AMOUNT\", \"amount\": " + (5000 + year) + ", " + PROVENANCE + "}";
      writes.add(() -> putFee(forumId, year, body));
    }

    List<HttpStatus> statuses = atOnce(writes);

    assertThat(statuses).hasSize(WRITERS).allMatch(s -> s == HttpStatus.OK);
    String state =
        registrar
            .get()
            .uri("/forums/{id}", forumId)
            .exchange()
            .expectHeader()
            .valueEquals("ETag", "\"" + WRITERS + "\"")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    List<Integer> fromYears = JsonPath.read(state, "$.fees[*].fromYear");
    assertThat(fromYears)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(2023, 2023 + WRITERS).boxed().toList());
    List<String> history = storedPayloads(forumId);
    assertThat(history).hasSize(1 + WRITERS);
    for (int i = 0; i < WRITERS; i++) {
      String amount = String.valueOf(5000 + 2023 + i);
      assertThat(history).as("the fee of " + amount).anyMatch(event -> event.contains(amount));
    }
  }

  @Test
  void aRetriedRequestWithTheSameIdempotencyKeyReturnsTheFirstResultAndWritesNothing() {
    EntityExchangeResult<byte[]> first =
        registrar
            .post()
            .uri("/forums")
            .header("Idempotency-Key", "retry-1")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(FORUM)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody()
            .returnResult();
    long before = storedEvents();

    EntityExchangeResult<byte[]> retry =
        registrar
            .post()
            .uri("/forums")
            .header("Idempotency-Key", "retry-1")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(FORUM)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody()
            .returnResult();

    assertThat(retry.getResponseHeaders().getLocation())
        .isEqualTo(first.getResponseHeaders().getLocation());
    assertThat(storedEvents()).isEqualTo(before);
    problem(
        registrar
            .post()
            .uri("/forums")
            .header("Idempotency-Key", "retry-1")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(FORUM.replace("STRING", "Other"))
            .exchange(),
        422);
  }

  @Test
  void concurrentRequestsWithOneIdempotencyKeyWriteOnceAndAllGetTheFirstAnswer() {
    String forumId = register();
    long before = storedEvents();
    String body = "{\"status\": \"AMOUNT\", \"amount\": 4200, " + PROVENANCE + "}";

    List<CompletableFuture<EntityExchangeResult<byte[]>>> answers =
        IntStream.range(0, 6)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () ->
                            registrar
                                .put()
                                .uri("/forums/" + forumId + "/fees/2023")
                                .header("Idempotency-Key", "same-fee-at-once")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(body)
                                .exchange()
                                .expectBody()
                                .returnResult()))
            .toList();

    List<EntityExchangeResult<byte[]>> results =
        answers.stream().map(CompletableFuture::join).toList();
    assertThat(results).allSatisfy(r -> assertThat(r.getStatus().value()).isEqualTo(200));
    assertThat(results.stream().map(r -> r.getResponseHeaders().getETag()).distinct()).hasSize(1);
    assertThat(storedEvents()).isEqualTo(before + 1);
  }

  @Test
  void anAmountWrittenWithTrailingZerosUnderTheSameKeyIsTheSameRequest() {
    String forumId = register();
    registrar
        .put()
        .uri("/forums/{id}/fees/2023", forumId)
        .header("Idempotency-Key", "fee-100")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"status\": \"AMOUNT\", \"amount\": 100, " + PROVENANCE + "}")
        .exchange()
        .expectStatus()
        .isOk();
    long before = storedEvents();

    registrar
        .put()
        .uri("/forums/{id}/fees/2023", forumId)
        .header("Idempotency-Key", "fee-100")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{ " + PROVENANCE + ",\n  \"amount\" : 100.00, \"status\":\"AMOUNT\" }")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("Idempotent-Replayed", "true")
        .expectHeader()
        .valueEquals("ETag", "\"1\"");

    assertThat(storedEvents()).isEqualTo(before);
    problem(
            registrar
                .put()
                .uri("/forums/{id}/fees/2023", forumId)
                .header("Idempotency-Key", "fee-100")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"status\": \"AMOUNT\", \"amount\": 100.01, " + PROVENANCE + "}")
                .exchange(),
            422)
        .jsonPath("$.type")
        .isEqualTo("https://forumledger.org/problems/idempotency-key-reused");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void withoutCredentials401AndAsViewerAWriteIs403BothAsProblems() {
    problem(
        WebTestClient.bindToServer()
            .baseUrl(stack.baseUrl())
            .build()
            .get()
            .uri("/forums/x")
            .exchange(),
        401);
    problem(
        stack
            .client("viewer", RegistryTestStack.VIEWER_PASSWORD)
            .post()
            .uri("/forums")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(FORUM)
            .exchange(),
        403);
    problem(
        stack
            .client("auditor", RegistryTestStack.AUDITOR_PASSWORD)
            .post()
            .uri("/forums")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(FORUM)
            .exchange(),
        403);
  }

  static WebTestClient.BodyContentSpec apiDocs() {
    return WebTestClient.bindToServer()
        .baseUrl(stack.baseUrl())
        .build()
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody();
  }

  @Test
  void theOpenApiDocumentIsServed() {
    apiDocs().jsonPath("$.paths['/forums']").exists();
  }

  @Test
  void theOpenApiDocumentExplainsAStatedAndAnImpliedRateAndAHeadcountKeptAsWritten() {
    apiDocs()
        .jsonPath("$.components.schemas.SetFeeRequest.properties.amountSek.description")
        .value(d -> assertThat((String) d).contains("IMPLIED").contains("not both"))
        .jsonPath("$.components.schemas.SetFeeRequest.properties.exchangeRate.description")
        .value(d -> assertThat((String) d).contains("STATED"))
        .jsonPath("$.components.schemas.HeadcountRequest.properties.headcount.description")
        .value(d -> assertThat((String) d).contains("unknown"));
  }

  @Test
  void theOpenApiDocumentListsTheWriteHeadersAndTheProvenanceAtTheTopLevel() {
    String fee = "$.paths['/forums/{forumId}/fees/{fromYear}'].put.parameters";
    WebTestClient.BodyContentSpec docs = apiDocs();

    for (String header : List.of("If-Match", "Idempotency-Key", "X-Correlation-Id")) {
      docs.jsonPath(fee + "[?(@.name == '" + header + "')].in").isEqualTo(List.of("header"));
      docs.jsonPath("$.paths['/forums'].post.parameters[?(@.name == '" + header + "')]").exists();
    }
    docs.jsonPath(fee + "[?(@.name == 'write')]")
        .doesNotExist()
        .jsonPath("$.paths['/forums/{forumId}'].get.parameters[?(@.name == 'If-Match')]")
        .doesNotExist()
        .jsonPath("$.components.schemas.SetFeeRequest.properties.effectiveDate")
        .exists()
        .jsonPath("$.components.schemas.SetFeeRequest.properties.reason")
        .exists()
        .jsonPath("$.components.schemas.SetFeeRequest.properties.provenance")
        .doesNotExist();
  }

  /** A write whose body or path carries {@code DATE} or {@code YEAR} in the field it names. */
  record Write(HttpMethod method, String path, String body, String field) {
    @Override
    public String toString() {
      return method + " " + path + " (" + field + ")";
    }
  }

  static final String WHY = "\"reason\": \"test\", \"decisionReference\": \"KS 2023-11-22 § 841\"";
  static final String WHEN = "\"effectiveDate\": \"DATE\", " + WHY;
  static final String APPOINT =
      "\"personName\": \"Anna\", \"body\": \"KS\", \"role\": \"LEDAMOT\", ";

  static Stream<Arguments> datesOutsideTheCalendarOnEveryWrite() {
    List<Write> writes =
        List.of(
            new Write(
                HttpMethod.POST, "/forums", FORUM.replace("2023-01-01", "DATE"), "effectiveDate"),
            new Write(
                HttpMethod.PUT, "/details", "{\"name\": \"Other\", " + WHEN + "}", "effectiveDate"),
            new Write(
                HttpMethod.PUT,
                "/classification",
                "{\"area\": \"Area\", \"kind\": \"NETWORK\", " + WHEN + "}",
                "effectiveDate"),
            new Write(
                HttpMethod.PUT,
                "/status",
                "{\"status\": \"PAUSED\", " + WHEN + "}",
                "effectiveDate"),
            new Write(
                HttpMethod.POST,
                "/representatives",
                "{" + APPOINT + "\"validFrom\": \"2023-01-01\", " + WHEN + "}",
                "effectiveDate"),
            new Write(
                HttpMethod.POST,
                "/representatives",
                "{" + APPOINT + "\"validFrom\": \"DATE\", " + PROVENANCE + "}",
                "validFrom"),
            new Write(
                HttpMethod.POST,
                "/representatives",
                "{"
                    + APPOINT
                    + "\"validFrom\": \"1900-01-01\", \"validTo\": \"DATE\", "
                    + PROVENANCE
                    + "}",
                "validTo"),
            new Write(
                HttpMethod.PUT,
                "/representatives/a-1/ending",
                "{\"endedOn\": \"2023-06-30\", " + WHEN + "}",
                "effectiveDate"),
            new Write(
                HttpMethod.PUT,
                "/representatives/a-1/ending",
                "{\"endedOn\": \"DATE\", " + PROVENANCE + "}",
                "endedOn"),
            new Write(
                HttpMethod.PUT,
                "/headcounts/2023/KS",
                "{\"headcount\": {\"min\": 1, \"max\": 1}, " + WHEN + "}",
                "effectiveDate"),
            new Write(
                HttpMethod.PUT,
                "/fees/2023",
                "{\"status\": \"NONE\", " + WHEN + "}",
                "effectiveDate"),
            new Write(HttpMethod.DELETE, "/fees/2023", "{" + WHEN + "}", "effectiveDate"),
            new Write(
                HttpMethod.PUT,
                "/other-costs/2023",
                "{\"status\": \"NOT_CALCULATED\", " + WHEN + "}",
                "effectiveDate"),
            new Write(HttpMethod.DELETE, "/other-costs/2023", "{" + WHEN + "}", "effectiveDate"));
    return Stream.of("+99999-01-01", "-0001-01-01", "1000-01-01")
        .flatMap(date -> writes.stream().map(write -> Arguments.of(date, write)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("datesOutsideTheCalendarOnEveryWrite")
  void aDateOutsideTheLedgerCalendarIs400NamingTheFieldAndWritesNothing(String date, Write write) {
    String forumId = register();
    long before = storedEvents();
    String path = write.path().equals("/forums") ? "/forums" : "/forums/" + forumId + write.path();

    problem(send(write.method(), path, write.body().replace("DATE", date)), 400)
        .jsonPath("$.type")
        .isEqualTo("https://forumledger.org/problems/invalid-fields")
        .jsonPath("$.errors[0].field")
        .isEqualTo(write.field())
        .jsonPath("$.errors[0].message")
        .isEqualTo(write.field() + " must be a date from 1900-01-01 to 2200-12-31");

    assertThat(storedEvents()).isEqualTo(before);
    assertUnchanged(forumId);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 1000, 1899, 2201, 99999})
  void aYearOutsideTheLedgerCalendarIs400NamingTheFieldAndWritesNothing(int year) {
    String forumId = register();
    long before = storedEvents();
    String none = "{\"status\": \"NONE\", " + PROVENANCE + "}";
    List<Write> inPath =
        List.of(
            new Write(HttpMethod.PUT, "/fees/YEAR", none, "fromYear"),
            new Write(HttpMethod.DELETE, "/fees/YEAR", "{" + PROVENANCE + "}", "fromYear"),
            new Write(
                HttpMethod.PUT,
                "/headcounts/YEAR/KS",
                "{\"headcount\": {\"min\": 1, \"max\": 1}, " + PROVENANCE + "}",
                "year"),
            new Write(HttpMethod.PUT, "/other-costs/YEAR", none, "year"),
            new Write(HttpMethod.DELETE, "/other-costs/YEAR", "{" + PROVENANCE + "}", "year"));

    for (Write write : inPath) {
      String path = "/forums/" + forumId + write.path().replace("YEAR", String.valueOf(year));
      problem(send(write.method(), path, write.body()), 400)
          .jsonPath("$.type")
          .isEqualTo("https://forumledger.org/problems/malformed-request")
          .jsonPath("$.errors[0].field")
          .isEqualTo(write.field());
    }
    problem(
            putFee(
                forumId,
                1900,
                "{\"status\": \"NONE\", \"toYear\": " + year + ", " + PROVENANCE + "}"),
            400)
        .jsonPath("$.type")
        .isEqualTo("https://forumledger.org/problems/invalid-fields")
        .jsonPath("$.errors[0].field")
        .isEqualTo("toYear")
        .jsonPath("$.errors[0].message")
        .isEqualTo("toYear must be a year from 1900 to 2200");

    assertThat(storedEvents()).isEqualTo(before);
    assertUnchanged(forumId);
  }

  @Test
  void theFirstAndLastDaysAndYearsOfTheCalendarAreAccepted() {
    String forumId = register();

    putFee(forumId, 1900, "{\"status\": \"NONE\", \"toYear\": 2200, " + PROVENANCE + "}")
        .expectStatus()
        .isOk();
    registrar
        .put()
        .uri("/forums/{id}/status", forumId)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"status\": \"PAUSED\", \"effectiveDate\": \"2200-12-31\", " + WHY + "}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("ETag", "\"2\"");
  }

  static WebTestClient.ResponseSpec send(HttpMethod method, String path, String body) {
    return registrar
        .method(method)
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  /** The forum is still at the version its registration gave it. */
  static void assertUnchanged(String forumId) {
    registrar
        .get()
        .uri("/forums/{id}", forumId)
        .exchange()
        .expectHeader()
        .valueEquals("ETag", "\"0\"");
  }

  static final String PROVENANCE =
      "\"effectiveDate\": \"2023-01-01\", \"reason\": \"test\", \"decisionReference\": \"KS 2023-11-22 § 841\"";

  static WebTestClient.ResponseSpec putFee(String forumId, int year, String body) {
    return registrar
        .put()
        .uri("/forums/{id}/fees/{year}", forumId, year)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  static WebTestClient.ResponseSpec putFee(String forumId, int year, String body, String ifMatch) {
    return registrar
        .put()
        .uri("/forums/{id}/fees/{year}", forumId, year)
        .header("If-Match", ifMatch)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status) {
    return response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(status)
        .jsonPath("$.type")
        .exists();
  }
}
