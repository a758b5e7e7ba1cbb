package org.forumledger.web.review;

import java.util.List;
import java.util.Map;
import org.forumledger.web.page.FormState;
import org.forumledger.web.recording.CityForms;
import org.forumledger.web.recording.RecordingForm;
import org.forumledger.web.recording.RegistryWrites;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The organisational units and the council's goals as the registry holds them, each with the phrase
 * of the source document it was taken from; a registrar registers one, or revises one drawn at the
 * version the registry lists it with.
 */
@Controller
class UnitsController {

  static final String DEFAULT_PERIOD = "2023-2026";

  private final CityReads city;
  private final RegistryWrites writes;

  UnitsController(CityReads city, RegistryWrites writes) {
    this.city = city;
    this.writes = writes;
  }

  @GetMapping("/units")
  Mono<Rendering> units(
      @RequestParam(required = false) String revise,
      @RequestParam(required = false) String recorded) {
    return city.units()
        .map(
            units -> {
              FormState form =
                  units.stream()
                      .filter(u -> u.code().equals(revise))
                      .findFirst()
                      .map(UnitsController::revising)
                      .orElseGet(() -> FormState.fresh("unit", null, Map.of("kind", "COMMITTEE")));
              return unitsPage(units, form, "unit".equals(recorded), null);
            });
  }

  @PostMapping("/units")
  Mono<Rendering> recordUnit(ServerWebExchange exchange) {
    return exchange
        .getFormData()
        .flatMap(data -> writes.submit(CityForms.UNIT, data, "", exchange))
        .flatMap(
            outcome ->
                outcome.succeeded()
                    ? Mono.just(Rendering.redirectTo("/units?recorded=unit").build())
                    : city.units()
                        .map(units -> unitsPage(units, outcome.refused(), false, status(outcome))));
  }

  @GetMapping("/goals")
  Mono<Rendering> goals(
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String revise,
      @RequestParam(required = false) String recorded) {
    String shown = period(period);
    return city.goals(shown)
        .map(
            goals -> {
              FormState form =
                  goals.stream()
                      .filter(g -> g.goalId().equals(revise))
                      .findFirst()
                      .map(UnitsController::revising)
                      .orElseGet(() -> FormState.fresh("goal", null, Map.of("period", shown)));
              return goalsPage(shown, goals, form, "goal".equals(recorded), null);
            });
  }

  @PostMapping("/goals")
  Mono<Rendering> recordGoal(ServerWebExchange exchange) {
    return exchange
        .getFormData()
        .flatMap(
            data ->
                writes
                    .submit(CityForms.GOAL, data, "", exchange)
                    .flatMap(
                        outcome -> {
                          String shown = period(data.getFirst("period"));
                          return outcome.succeeded()
                              ? Mono.just(
                                  Rendering.redirectTo("/goals?period=" + shown + "&recorded=goal")
                                      .build())
                              : city.goals(shown)
                                  .map(
                                      goals ->
                                          goalsPage(
                                              shown,
                                              goals,
                                              outcome.refused(),
                                              false,
                                              status(outcome)));
                        }));
  }

  /** A mandate period as written {@code 2023-2026}; anything else is the present one. */
  static String period(String period) {
    return period == null || !period.strip().matches("\\d{4}-\\d{4}")
        ? DEFAULT_PERIOD
        : period.strip();
  }

  static HttpStatus status(RegistryWrites.Outcome outcome) {
    return outcome.refused() != null && outcome.refused().conflict()
        ? HttpStatus.CONFLICT
        : HttpStatus.UNPROCESSABLE_ENTITY;
  }

  private static FormState revising(City.Unit unit) {
    return FormState.fresh(
        "unit",
        unit.version(),
        CityForms.unitValues(
            unit.code(),
            unit.name(),
            unit.kind(),
            unit.partOf(),
            unit.validFrom(),
            unit.validTo(),
            unit.source() == null ? null : unit.source().document(),
            unit.source() == null ? null : unit.source().phrase()));
  }

  private static FormState revising(City.Goal goal) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    values.put("goalId", goal.goalId());
    values.put("period", goal.periodLabel());
    values.put("title", goal.title());
    if (goal.budgetReference() != null) {
      values.put("budgetReference", goal.budgetReference());
    }
    if (goal.source() != null) {
      values.put("sourceDocument", String.valueOf(goal.source().document()));
      values.put("sourcePhrase", String.valueOf(goal.source().phrase()));
    }
    return FormState.fresh("goal", goal.version(), values);
  }

  private static Rendering unitsPage(
      List<City.Unit> units, FormState form, boolean recorded, HttpStatus status) {
    Rendering.Builder<?> page =
        Rendering.view("units")
            .modelAttribute("page", "units")
            .modelAttribute("units", units)
            .modelAttribute("form", CityForms.UNIT)
            .modelAttribute("unitForm", form)
            .modelAttribute("recorded", recorded)
            .modelAttribute("choices", Map.<String, List<RecordingForm.Option>>of());
    if (status != null) {
      page.status(status);
    }
    return page.build();
  }

  private static Rendering goalsPage(
      String period, List<City.Goal> goals, FormState form, boolean recorded, HttpStatus status) {
    Rendering.Builder<?> page =
        Rendering.view("goals")
            .modelAttribute("page", "goals")
            .modelAttribute("period", period)
            .modelAttribute("goals", goals)
            .modelAttribute("form", CityForms.GOAL)
            .modelAttribute("goalForm", form)
            .modelAttribute("recorded", recorded)
            .modelAttribute("choices", Map.<String, List<RecordingForm.Option>>of());
    if (status != null) {
      page.status(status);
    }
    return page.build();
  }
}
