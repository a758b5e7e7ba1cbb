package org.forumledger.web.review;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The review's facts as the services answer them: units and council goals (registry), a review with
 * its scope (registry now, reporting at a time), its progress, overlaps and goal coverage
 * (reporting), and its savings (cost). Figures are kept as the services give them; a figure the
 * service does not know stays null, never zero.
 */
public final class City {

  private City() {}

  /** A mandate period, whether written {@code "2023-2026"} or as its two years. */
  static String period(Object period) {
    if (period instanceof Map<?, ?> years) {
      return years.get("fromYear") + "-" + years.get("toYear");
    }
    return period == null ? "" : period.toString();
  }

  public record Source(String document, String phrase) {}

  public record Unit(
      @JsonAlias("unit") String code,
      String name,
      String kind,
      String partOf,
      LocalDate validFrom,
      LocalDate validTo,
      Source source,
      Long version) {}

  public record Goal(
      String goalId,
      Object period,
      String title,
      String budgetReference,
      Source source,
      Long version) {
    public String periodLabel() {
      return City.period(period);
    }
  }

  /** What a reviewer recommends or the board decides. */
  public record Course(
      String kind, LocalDate leaveFrom, String coordinateWith, String mergeWithForumId) {}

  public record Assessment(
      String necessity,
      String rationale,
      List<String> goalIds,
      Course recommendation,
      String assessedBy,
      Instant assessedAt) {
    public Assessment {
      goalIds = goalIds == null ? List.of() : List.copyOf(goalIds);
    }
  }

  public record Decision(
      Course decision,
      String decisionReference,
      LocalDate decidedOn,
      List<String> remainingUnits,
      @JsonAlias("recordedBy") String decidedBy) {
    public Decision {
      remainingUnits = remainingUnits == null ? List.of() : List.copyOf(remainingUnits);
    }
  }

  /** One unit's participation in one forum, in a review's scope. */
  public record Participation(
      String forumId,
      String body,
      Assessment assessment,
      Decision decision,
      String name,
      String inventoryReference,
      String area) {}

  public record Missing(String forumId, String body) {}

  public record Review(
      String reviewId,
      String title,
      Object period,
      String decisionReference,
      LocalDate openedOn,
      List<String> units,
      String status,
      LocalDate closedOn,
      Long version,
      List<Participation> scope,
      List<Missing> missing) {
    public Review {
      units = units == null ? List.of() : List.copyOf(units);
      scope = scope == null ? List.of() : List.copyOf(scope);
      missing = missing == null ? List.of() : List.copyOf(missing);
    }

    public String periodLabel() {
      return City.period(period);
    }

    public boolean open() {
      return !"CLOSED".equals(status);
    }

    public long assessed() {
      return scope.stream().filter(p -> p.assessment() != null).count();
    }

    public long decided() {
      return scope.stream().filter(p -> p.decision() != null).count();
    }
  }

  /** Assessed and not yet assessed, for an area or a unit (its {@code key}). */
  public record Tally(String key, int total, int assessedCount, int notAssessedCount) {}

  public record Progress(
      String reviewId,
      String status,
      int total,
      int assessedCount,
      int notAssessedCount,
      List<Tally> byArea,
      List<Tally> byUnit) {
    public Progress {
      byArea = byArea == null ? List.of() : List.copyOf(byArea);
      byUnit = byUnit == null ? List.of() : List.copyOf(byUnit);
    }
  }

  /** Reporting's answers carry the log position they were read at around the report. */
  record ProgressAt(long position, Progress progress) {}

  record ReviewAt(long position, LocalDate asOf, Instant knownAt, Review review) {}

  record OverlapsAt(long position, Overlaps overlaps) {}

  record CoverageAt(long position, Coverage coverage) {}

  public record SavingLine(
      String forumId,
      String inventoryReference,
      String name,
      String body,
      BigDecimal feeSek,
      BigDecimal otherSek,
      String explanation) {}

  public record SavingYear(
      int year, BigDecimal savingSek, Integer notCalculated, List<SavingLine> lines) {
    public SavingYear {
      lines = lines == null ? List.of() : List.copyOf(lines);
    }
  }

  public record SavingPeriod(Object period, BigDecimal savingSek, Integer notCalculated) {
    public String periodLabel() {
      return City.period(period);
    }
  }

  public record Savings(
      String reviewId,
      Long position,
      String rule,
      List<SavingYear> years,
      List<SavingPeriod> periods,
      Object notCalculated) {
    public Savings {
      years = years == null ? List.of() : List.copyOf(years);
      periods = periods == null ? List.of() : List.copyOf(periods);
    }

    /** How many forum-years the saving could not be calculated for, as the service tells it. */
    public String notCalculatedText() {
      if (notCalculated instanceof List<?> list) {
        return String.valueOf(list.size());
      }
      return notCalculated == null ? "0" : notCalculated.toString();
    }
  }

  /** A forum in a report: which units take part in it. */
  public record ForumUnits(
      String forumId,
      String inventoryReference,
      String name,
      String area,
      String convener,
      List<String> units) {
    public ForumUnits {
      units = units == null ? List.of() : List.copyOf(units);
    }
  }

  /** Forums of one convener and area attended by different units. */
  public record ConvenerOverlap(
      String convener, String area, List<String> units, List<ForumUnits> forums) {
    public ConvenerOverlap {
      units = units == null ? List.of() : List.copyOf(units);
      forums = forums == null ? List.of() : List.copyOf(forums);
    }
  }

  public record Overlaps(
      Integer year, List<ForumUnits> sameForum, List<ConvenerOverlap> sameConvener) {
    public Overlaps {
      sameForum = sameForum == null ? List.of() : List.copyOf(sameForum);
      sameConvener = sameConvener == null ? List.of() : List.copyOf(sameConvener);
    }
  }

  /**
   * The goals of a period and what serves them, the goals served by none, and the forums taking
   * part in the period linked to no goal.
   */
  public record Coverage(
      Object period,
      List<GoalServed> goals,
      List<String> uncovered,
      List<ForumUnits> forumsLinkedToNoGoal) {
    public Coverage {
      goals = goals == null ? List.of() : List.copyOf(goals);
      uncovered = uncovered == null ? List.of() : List.copyOf(uncovered);
      forumsLinkedToNoGoal =
          forumsLinkedToNoGoal == null ? List.of() : List.copyOf(forumsLinkedToNoGoal);
    }

    public String periodLabel() {
      return City.period(period);
    }

    public List<GoalServed> uncoveredGoals() {
      return goals.stream().filter(g -> !g.covered()).toList();
    }

    public List<GoalServed> coveredGoals() {
      return goals.stream().filter(GoalServed::covered).toList();
    }
  }

  /** A unit's participation serving a goal: by a goal link, or by a review's assessment. */
  public record Service(String forumId, String body, String via, String reviewId) {}

  public record GoalServed(String goalId, String title, boolean covered, List<Service> servedBy) {
    public GoalServed {
      servedBy = servedBy == null ? List.of() : List.copyOf(servedBy);
    }
  }
}
