package org.forumledger.reporting.city;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.forumledger.events.Body;
import org.forumledger.events.CourseOfAction;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.MandatePeriod;
import org.forumledger.events.Necessity;
import org.forumledger.events.SourceReference;
import org.forumledger.events.TakingPart;
import org.forumledger.events.UnitKind;
import org.forumledger.reporting.history.ForumState;
import org.forumledger.reporting.history.InventoryReference;

/**
 * The reports that answer the motion, computed from a {@link City} and the forums of the same
 * slice: units, goals, reviews and their progress and outcome, overlaps and goal coverage. Which
 * units take part in a forum is always {@link TakingPart}'s answer.
 */
public final class CityReports {

  /** The span {@link #units} counts a unit's forums in: any time the ledger can hold. */
  private static final LocalDate EVER_FROM = LocalDate.of(1900, 1, 1);

  private static final LocalDate EVER_TO = LocalDate.of(9999, 12, 31);

  private CityReports() {}

  // ---- units and goals

  public record UnitRow(
      String code,
      String name,
      UnitKind kind,
      String partOf,
      LocalDate validFrom,
      LocalDate validTo,
      SourceReference source,
      boolean registered,
      boolean ofTheInventory2023,
      long version,
      String registeredBy,
      int forumsTakingPart) {}

  public static List<UnitRow> units(City city) {
    Map<Body, Integer> forums = new LinkedHashMap<>();
    city.participationFacts()
        .values()
        .forEach(
            facts ->
                TakingPart.between(facts, EVER_FROM, EVER_TO)
                    .forEach(body -> forums.merge(body, 1, Integer::sum)));
    List<UnitRow> rows = new ArrayList<>();
    Set<String> listed = new LinkedHashSet<>();
    for (City.Unit unit : city.units().values()) {
      var d = unit.details();
      listed.add(unit.unit().code());
      rows.add(
          new UnitRow(
              unit.unit().code(),
              d == null ? null : d.name(),
              d == null ? null : d.kind(),
              d == null || d.partOf() == null ? null : d.partOf().code(),
              d == null ? null : d.validFrom(),
              d == null ? null : d.validTo(),
              d == null ? null : d.source(),
              d != null,
              unit.ofTheInventory2023(),
              unit.version(),
              unit.registered() == null ? null : unit.registered().actor(),
              forums.getOrDefault(unit.unit(), 0)));
    }
    return rows;
  }

  public record GoalRow(
      String goalId,
      String period,
      String title,
      String budgetReference,
      SourceReference source,
      long version,
      String registeredBy) {}

  /** The goals of {@code period}, or every goal when it is null. */
  public static List<GoalRow> goals(City city, MandatePeriod period) {
    return city.goals().values().stream()
        .filter(g -> period == null || g.goal().period().equals(period))
        .map(
            g ->
                new GoalRow(
                    g.goal().goalId(),
                    g.goal().period().label(),
                    g.goal().title(),
                    g.goal().budgetReference(),
                    g.goal().source(),
                    g.version(),
                    g.registered().actor()))
        .toList();
  }

  // ---- reviews

  public record ReviewSummary(
      String reviewId,
      String title,
      String period,
      String decisionReference,
      LocalDate openedOn,
      List<Body> units,
      City.Status status,
      LocalDate closedOn,
      long version,
      int inScope,
      int assessed,
      int decided) {}

  public static ReviewSummary summary(City.Review r) {
    return new ReviewSummary(
        r.reviewId(),
        r.title(),
        r.period().label(),
        r.decisionReference(),
        r.openedOn(),
        r.units(),
        r.status(),
        r.closedOn(),
        r.version(),
        r.scope().size(),
        r.assessed().size(),
        (int) r.scope().stream().filter(p -> p.decision() != null).count());
  }

  public record ScopeEntry(
      String forumId,
      Body body,
      String inventoryReference,
      String name,
      String area,
      City.Assessment assessment,
      City.Decision decision,
      int assessmentsRecorded) {}

  public record ForumAndBody(String forumId, Body body) {}

  public record ReviewDetail(
      String reviewId,
      String title,
      String period,
      String decisionReference,
      LocalDate openedOn,
      List<Body> units,
      City.Status status,
      LocalDate closedOn,
      long version,
      String openedBy,
      List<ScopeEntry> scope,
      List<ForumAndBody> missing) {}

  public static ReviewDetail detail(City.Review r, Map<String, ForumState> forums) {
    List<ScopeEntry> scope = new ArrayList<>();
    for (City.Participation p : r.scope()) {
      ForumRegistered f = details(forums, p.participation().forumId());
      scope.add(
          new ScopeEntry(
              p.participation().forumId(),
              p.participation().body(),
              f == null ? null : f.inventoryReference(),
              f == null ? null : f.name(),
              f == null ? null : f.area(),
              p.assessment(),
              p.decision(),
              p.assessmentsRecorded()));
    }
    return new ReviewDetail(
        r.reviewId(),
        r.title(),
        r.period().label(),
        r.decisionReference(),
        r.openedOn(),
        r.units(),
        r.status(),
        r.closedOn(),
        r.version(),
        r.opened() == null ? null : r.opened().actor(),
        scope,
        r.missing().stream()
            .map(p -> new ForumAndBody(p.participation().forumId(), p.participation().body()))
            .toList());
  }

  // ---- progress

  public record ProgressItem(String forumId, Body body, String inventoryReference, String name) {}

  public record ProgressGroup(
      String key,
      int total,
      int assessedCount,
      int notAssessedCount,
      List<ProgressItem> assessed,
      List<ProgressItem> notAssessed) {}

  public record Progress(
      String reviewId,
      City.Status status,
      int total,
      int assessedCount,
      int notAssessedCount,
      List<ProgressGroup> byArea,
      List<ProgressGroup> byUnit) {}

  /** Label of the area group for a participation whose forum the slice does not know. */
  public static final String UNKNOWN_AREA = "(forum okänt)";

  public static Progress progress(City.Review r, Map<String, ForumState> forums) {
    Map<String, List<City.Participation>> byArea = new java.util.TreeMap<>();
    Map<String, List<City.Participation>> byUnit = new java.util.TreeMap<>();
    for (City.Participation p : inReferenceOrder(r.scope(), forums)) {
      ForumRegistered f = details(forums, p.participation().forumId());
      String area = f == null || f.area() == null ? UNKNOWN_AREA : f.area();
      byArea.computeIfAbsent(area, a -> new ArrayList<>()).add(p);
      byUnit.computeIfAbsent(p.participation().body().code(), u -> new ArrayList<>()).add(p);
    }
    int assessed = r.assessed().size();
    return new Progress(
        r.reviewId(),
        r.status(),
        r.scope().size(),
        assessed,
        r.scope().size() - assessed,
        groups(byArea, forums),
        groups(byUnit, forums));
  }

  private static List<ProgressGroup> groups(
      Map<String, List<City.Participation>> grouped, Map<String, ForumState> forums) {
    List<ProgressGroup> groups = new ArrayList<>();
    grouped.forEach(
        (key, ps) -> {
          List<ProgressItem> done = new ArrayList<>();
          List<ProgressItem> open = new ArrayList<>();
          for (City.Participation p : ps) {
            ForumRegistered f = details(forums, p.participation().forumId());
            ProgressItem item =
                new ProgressItem(
                    p.participation().forumId(),
                    p.participation().body(),
                    f == null ? null : f.inventoryReference(),
                    f == null ? null : f.name());
            (p.assessment() != null ? done : open).add(item);
          }
          groups.add(
              new ProgressGroup(
                  key, ps.size(), done.size(), open.size(), List.copyOf(done), List.copyOf(open)));
        });
    return groups;
  }

  // ---- outcome

  /** One row of the outcome handed to the board. */
  public record OutcomeRow(
      String inventoryReference,
      String forumId,
      String forum,
      String area,
      Body unit,
      Necessity necessity,
      String rationale,
      List<String> goals,
      String recommendation,
      String decision,
      String decisionReference,
      LocalDate decidedOn,
      String assessedBy) {}

  public record Outcome(
      String reviewId,
      String title,
      String period,
      String decisionReference,
      City.Status status,
      LocalDate asOf,
      java.time.Instant knownAt,
      List<OutcomeRow> rows) {}

  public static Outcome outcome(
      City.Review r,
      City city,
      Map<String, ForumState> forums,
      LocalDate asOf,
      java.time.Instant knownAt) {
    List<OutcomeRow> rows = new ArrayList<>();
    for (City.Participation p : inReferenceOrder(r.scope(), forums)) {
      ForumRegistered f = details(forums, p.participation().forumId());
      City.Assessment a = p.assessment();
      City.Decision d = p.decision();
      rows.add(
          new OutcomeRow(
              f == null ? null : f.inventoryReference(),
              p.participation().forumId(),
              f == null ? null : f.name(),
              f == null ? null : f.area(),
              p.participation().body(),
              a == null ? null : a.necessity(),
              a == null ? null : a.rationale(),
              a == null ? List.of() : a.goalIds().stream().map(id -> goalText(city, id)).toList(),
              a == null ? null : courseText(a.recommendation()),
              d == null ? null : courseText(d.decision()),
              d == null ? null : d.decisionReference(),
              d == null ? null : d.decidedOn(),
              a == null ? null : a.assessedBy()));
    }
    return new Outcome(
        r.reviewId(),
        r.title(),
        r.period().label(),
        r.decisionReference(),
        r.status(),
        asOf,
        knownAt,
        rows);
  }

  private static String goalText(City city, String goalId) {
    City.Goal goal = city.goals().get(goalId);
    return goal == null ? goalId : goalId + " (" + goal.goal().title() + ")";
  }

  /** A course of action as the board reads it, in Swedish like the appendix. */
  public static String courseText(CourseOfAction c) {
    if (c == null || c.kind() == null) {
      return null;
    }
    return switch (c.kind()) {
      case CONTINUE -> "Fortsätta";
      case LEAVE -> "Lämna från " + c.leaveFrom();
      case COORDINATE -> "Samordna med " + c.coordinateWith();
      case MERGE -> "Slå samman med " + c.mergeWithForumId();
    };
  }

  // ---- overlaps

  public record ForumUnits(
      String forumId,
      String inventoryReference,
      String name,
      String area,
      String convener,
      SortedSet<Body> units) {}

  public record ConvenerAndArea(
      String convener, String area, SortedSet<Body> units, List<ForumUnits> forums) {}

  public record Overlaps(
      int year, List<ForumUnits> sameForum, List<ConvenerAndArea> sameConvener) {}

  /**
   * The forums counting in {@code year} taken part in by several units; and the forums of one
   * convener in one area whose units differ (two of them not taken part in by the same units):
   * candidates for coordination. A forum without a convener is in no group.
   */
  public static Overlaps overlaps(City city, Map<String, ForumState> forums, int year) {
    List<ForumUnits> taking = new ArrayList<>();
    for (ForumState forum : byReference(forums)) {
      if (!forum.countsIn(year)) {
        continue;
      }
      SortedSet<Body> units =
          TakingPart.inYear(
              city.participationFacts().getOrDefault(forum.forumId(), List.of()), year);
      if (!units.isEmpty()) {
        taking.add(forumUnits(forum, units));
      }
    }
    List<ForumUnits> sameForum = taking.stream().filter(f -> f.units().size() > 1).toList();
    Map<List<String>, List<ForumUnits>> groups = new LinkedHashMap<>();
    for (ForumUnits f : taking) {
      if (f.convener() != null && !f.convener().isBlank()) {
        groups
            .computeIfAbsent(List.of(f.convener(), nullToEmpty(f.area())), k -> new ArrayList<>())
            .add(f);
      }
    }
    List<ConvenerAndArea> sameConvener = new ArrayList<>();
    groups.forEach(
        (key, fs) -> {
          if (fs.size() < 2) {
            return;
          }
          SortedSet<Body> all = new TreeSet<>(TakingPart.BY_CODE);
          fs.forEach(f -> all.addAll(f.units()));
          boolean differ = fs.stream().anyMatch(f -> !f.units().equals(fs.get(0).units()));
          if (all.size() > 1 && differ) {
            sameConvener.add(
                new ConvenerAndArea(key.get(0), fs.get(0).area(), all, List.copyOf(fs)));
          }
        });
    sameConvener.sort(
        Comparator.comparing(ConvenerAndArea::convener).thenComparing(c -> nullToEmpty(c.area())));
    return new Overlaps(year, sameForum, sameConvener);
  }

  // ---- goal coverage

  public record Service(String forumId, Body body, String via, String reviewId) {}

  public record GoalServed(String goalId, String title, boolean covered, List<Service> servedBy) {}

  public record GoalCoverage(
      String period,
      List<GoalServed> goals,
      List<String> uncovered,
      List<ForumUnits> forumsLinkedToNoGoal) {}

  /**
   * The goals of the period and what serves them: a unit's goal link to a forum (its latest), or a
   * current assessment in a review of the period naming the goal; and the forums that take part in
   * the period (by {@link TakingPart}) and are not ended before it, of which neither a goal link
   * nor an assessment names any goal.
   */
  public static GoalCoverage goalCoverage(
      City city, Map<String, ForumState> forums, MandatePeriod period) {
    Map<String, List<Service>> served = new LinkedHashMap<>();
    Set<String> forumsServing = new java.util.HashSet<>();
    city.goalLinks()
        .forEach(
            (forumId, byBody) ->
                byBody.values().stream()
                    .sorted(Comparator.comparing(l -> l.link().body().code()))
                    .forEach(
                        l -> {
                          for (String goalId : l.link().goalIds()) {
                            served
                                .computeIfAbsent(goalId, g -> new ArrayList<>())
                                .add(new Service(forumId, l.link().body(), "goal-link", null));
                            forumsServing.add(forumId);
                          }
                        }));
    for (City.Review review : city.reviews().values()) {
      if (!review.period().equals(period)) {
        continue;
      }
      for (City.Participation p : review.scope()) {
        if (p.assessment() == null) {
          continue;
        }
        for (String goalId : p.assessment().goalIds()) {
          served
              .computeIfAbsent(goalId, g -> new ArrayList<>())
              .add(
                  new Service(
                      p.participation().forumId(),
                      p.participation().body(),
                      "assessment",
                      review.reviewId()));
          forumsServing.add(p.participation().forumId());
        }
      }
    }
    List<GoalServed> goals = new ArrayList<>();
    List<String> uncovered = new ArrayList<>();
    for (City.Goal goal : city.goals().values()) {
      if (!goal.goal().period().equals(period)) {
        continue;
      }
      List<Service> by = served.getOrDefault(goal.goal().goalId(), List.of());
      goals.add(new GoalServed(goal.goal().goalId(), goal.goal().title(), !by.isEmpty(), by));
      if (by.isEmpty()) {
        uncovered.add(goal.goal().goalId());
      }
    }
    List<ForumUnits> unlinked = new ArrayList<>();
    for (ForumState forum : byReference(forums)) {
      boolean countsInPeriod = false;
      for (int y = period.fromYear(); y <= period.toYear(); y++) {
        countsInPeriod |= forum.countsIn(y);
      }
      if (!countsInPeriod || forumsServing.contains(forum.forumId())) {
        continue;
      }
      SortedSet<Body> units =
          TakingPart.inPeriod(
              city.participationFacts().getOrDefault(forum.forumId(), List.of()), period);
      if (!units.isEmpty()) {
        unlinked.add(forumUnits(forum, units));
      }
    }
    return new GoalCoverage(period.label(), goals, uncovered, unlinked);
  }

  // ---- shared

  private static ForumUnits forumUnits(ForumState forum, SortedSet<Body> units) {
    ForumRegistered d = forum.details();
    return new ForumUnits(
        forum.forumId(), d.inventoryReference(), d.name(), d.area(), d.convener(), units);
  }

  private static List<ForumState> byReference(Map<String, ForumState> forums) {
    return forums.values().stream()
        .sorted(
            Comparator.comparing(
                    (ForumState f) -> f.details().inventoryReference(), InventoryReference.ORDER)
                .thenComparing(ForumState::forumId))
        .toList();
  }

  private static List<City.Participation> inReferenceOrder(
      List<City.Participation> scope, Map<String, ForumState> forums) {
    return scope.stream()
        .sorted(
            Comparator.comparing(
                    (City.Participation p) -> {
                      ForumRegistered f = details(forums, p.participation().forumId());
                      return f == null ? null : f.inventoryReference();
                    },
                    InventoryReference.ORDER)
                .thenComparing(p -> p.participation().forumId())
                .thenComparing(p -> p.participation().body().code()))
        .toList();
  }

  private static ForumRegistered details(Map<String, ForumState> forums, String forumId) {
    ForumState f = forums.get(forumId);
    return f == null ? null : f.details();
  }

  private static String nullToEmpty(String value) {
    return Objects.requireNonNullElse(value, "");
  }
}
