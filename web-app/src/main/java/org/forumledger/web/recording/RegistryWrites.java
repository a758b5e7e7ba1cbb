package org.forumledger.web.recording;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.forumledger.web.LedgerClients;
import org.forumledger.web.page.FormState;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * How every form's write reaches the registry: as the person signed in, with If-Match naming the
 * version the form was drawn at and the Idempotency-Key made when it was drawn. A conflict comes
 * back as the form marked stale with nothing written; the registry's field problems come back next
 * to the fields they name, and a refusal that lists what is missing (closing a review) keeps that
 * list for the page to show.
 */
@Component
public class RegistryWrites {

  private final LedgerClients clients;
  private final MessageSource messages;

  RegistryWrites(LedgerClients clients, MessageSource messages) {
    this.clients = clients;
    this.messages = messages;
  }

  /**
   * What became of a submitted form.
   *
   * @param refused the form drawn again with what was typed and what was wrong; null on success
   * @param missing what the registry named as missing when it refused (a review's unassessed
   *     participations), empty otherwise
   */
  public record Outcome(
      boolean succeeded, URI location, FormState refused, List<Problem.Missing> missing) {}

  /**
   * Sends {@code form}'s write for the submitted {@code data}; the write's path is taken under
   * {@code under} (empty for the registry's root).
   */
  public Mono<Outcome> submit(
      RecordingForm form,
      MultiValueMap<String, String> data,
      String under,
      ServerWebExchange exchange) {
    Submission submission = Submission.of(form.name(), data);
    RecordingForm.Field unsendable = form.unsendable(submission);
    if (unsendable != null) {
      return Mono.just(
          new Outcome(false, null, refusedAt(submission, unsendable, exchange), List.of()));
    }
    RecordingForm.Write write = form.write().apply(submission);
    return write(
            clients.registry().method(write.method()).uri(under + write.path()),
            submission,
            write.body())
        .map(
            answer ->
                answer.succeeded()
                    ? new Outcome(true, answer.location(), null, List.of())
                    : new Outcome(
                        false,
                        answer.location(),
                        refusal(answer, submission, Set.copyOf(form.fieldNames()), exchange),
                        answer.problem() == null ? List.of() : answer.problem().missing()));
  }

  /** What the registry answered a write, read while its response is still open. */
  record Answer(int status, URI location, Problem problem) {
    boolean succeeded() {
      return status >= 200 && status < 300;
    }

    /** Stale (412), in conflict (409), or a revision sent without the version it needs (428). */
    boolean conflict() {
      return status == 412 || status == 409 || status == 428;
    }
  }

  /**
   * Sends a write. Success, a conflict (412, 409, 428) and a validation problem (400, 422) are
   * answers the form handles; anything else (403 among them) fails as the service's error page.
   */
  static Mono<Answer> write(
      WebClient.RequestBodySpec request, Submission submission, Map<String, Object> body) {
    return request
        .headers(
            headers -> {
              if (submission.version() != null) {
                headers.setIfMatch("\"" + submission.version() + "\"");
              }
              if (submission.idempotencyKey() != null) {
                headers.set("Idempotency-Key", submission.idempotencyKey());
              }
            })
        .bodyValue(body)
        .exchangeToMono(
            response -> {
              int status = response.statusCode().value();
              URI location = response.headers().asHttpHeaders().getLocation();
              if (status == 400 || status == 422) {
                return response
                    .bodyToMono(Problem.class)
                    .defaultIfEmpty(new Problem(null, null, status, null, List.of(), List.of()))
                    .map(problem -> new Answer(status, location, problem));
              }
              if (response.statusCode().is2xxSuccessful()
                  || status == 412
                  || status == 409
                  || status == 428) {
                return response.releaseBody().thenReturn(new Answer(status, location, null));
              }
              return response.createError();
            });
  }

  /**
   * The form drawn again after the registry refused it: a conflict names no field and keeps the old
   * version, so sending it again cannot overwrite; a validation problem puts each message next to
   * its field.
   */
  FormState refusal(
      Answer answer, Submission submission, Set<String> fields, ServerWebExchange exchange) {
    if (answer.conflict()) {
      return FormState.refused(
          submission.form(), submission.version(), submission.typed(), Map.of(), null, true);
    }
    return fieldProblems(answer.problem(), submission, fields, exchange);
  }

  private FormState fieldProblems(
      Problem problem, Submission submission, Set<String> fields, ServerWebExchange exchange) {
    Map<String, String> byField = new LinkedHashMap<>();
    StringBuilder unplaced = new StringBuilder();
    for (Problem.FieldProblem error : problem.errors()) {
      String field = formField(error.field(), fields);
      if (fields.contains(field) || Submission.PROVENANCE.contains(field)) {
        byField.merge(field, error.message(), (a, b) -> a + "; " + b);
      } else {
        unplaced.append(error.field()).append(": ").append(error.message()).append(". ");
      }
    }
    String whole =
        byField.isEmpty() && unplaced.isEmpty()
            ? (problem.detail() == null ? message("form.refused", exchange) : problem.detail())
            : unplaced.isEmpty() ? message("form.fieldsRefused", exchange) : unplaced.toString();
    return FormState.refused(
        submission.form(), submission.version(), submission.typed(), byField, whole, false);
  }

  /**
   * The registry names an other cost's line fields by index (the form has one line) and nests the
   * ranges that the forms ask as two fields, and the parts of a source or a course of action that
   * the forms ask as fields of their own ({@code recommendation.kind} is {@code
   * recommendationKind}).
   */
  static String formField(String field, Set<String> fields) {
    if (field == null) {
      return "";
    }
    String unlined = field.startsWith("lines[") ? field.substring(field.indexOf('.') + 1) : field;
    String known = RecordingForms.REGISTRY_FIELDS.get(unlined);
    if (known != null) {
      return known;
    }
    if (fields.contains(unlined) || !unlined.contains(".")) {
      return unlined;
    }
    StringBuilder joined = new StringBuilder();
    for (String part : unlined.split("\\.")) {
      joined.append(
          joined.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    String camel = joined.toString();
    // a field the form asks under its own name (decision.decisionReference is decisionReference)
    String last = unlined.substring(unlined.lastIndexOf('.') + 1);
    return fields.contains(camel) ? camel : fields.contains(last) ? last : camel;
  }

  FormState refusedAt(
      Submission submission, RecordingForm.Field field, ServerWebExchange exchange) {
    return FormState.refused(
        submission.form(),
        submission.version(),
        submission.typed(),
        Map.of(
            field.name(),
            message(
                field.choice()
                    ? "form.choice.invalid"
                    : RecordingForm.YEAR.equals(field.pattern())
                        ? "form.year.invalid"
                        : "form.code.invalid",
                exchange)),
        message("form.fieldsRefused", exchange),
        false);
  }

  private String message(String key, ServerWebExchange exchange) {
    Locale locale = exchange.getLocaleContext().getLocale();
    return messages.getMessage(key, null, key, locale == null ? Locale.ROOT : locale);
  }
}
