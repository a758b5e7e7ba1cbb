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
      @JsonAlias({"unit", "body"}) String code,
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
      String decidedBy) {
    public Decision {
      remainingUnits = remainingUnits == null ? List.of() : List.copyOf(remainingUnits);
    }
  }

  /** One unit's participation in one forum, in a review's scope. */
  public record Participation(
      String forumId,
      @JsonAlias("unit") String body,
      Assessment assessment,
      Decision decision,
      String name,
      String inventoryReference,
      String area) {}

  public record Missing(String forumId, @JsonAlias("unit") String body) {}

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

  /** Assessed and not yet assessed, for an area or a unit. */
  public record Tally(
      String area,
      @JsonAlias("body") String unit,
      int assessed,
      @JsonAlias({"notYetAssessed", "unassessed"}) int notAssessed,
      Integer total) {
    public String label() {
      return area != null ? area : unit;
    }

    public int all() {
      return total != null ? total : assessed + notAssessed;
    }
  }

  public record Progress(
      String reviewId,
      int assessed,
      @JsonAlias({"notYetAssessed", "unassessed"}) int notAssessed,
      List<Tally> byArea,
      @JsonAlias("byBody") List<Tally> byUnit) {
    public Progress {
      byArea = byArea == null ? List.of() : List.copyOf(byArea);
      byUnit = byUnit == null ? List.of() : List.copyOf(byUnit);
    }
  }

  public record SavingLine(
      String forumId,
      String inventoryReference,
      String name,
      String body,
      BigDecimal feeSek,
      BigDecimal otherSek,
      String explanation) {}

  public record SavingYear(int year, BigDecimal savingSek, List<SavingLine> lines) {
    public SavingYear {
      lines = lines == null ? List.of() : List.copyOf(lines);
    }
  }

  public record SavingPeriod(Object period, BigDecimal savingSek) {
    public String periodLabel() {
      return City.period(period);
    }
  }

  public record Savings(
      String reviewId,
      Long position,
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
      @JsonAlias("bodies") List<String> units) {
    public ForumUnits {
      units = units == null ? List.of() : List.copyOf(units);
    }
  }

  /** Forums of one convener and area attended by different units. */
  public record ConvenerOverlap(
      String convener,
      String area,
      @JsonAlias("bodies") List<String> units,
      List<ForumUnits> forums) {
    public ConvenerOverlap {
      units = units == null ? List.of() : List.copyOf(units);
      forums = forums == null ? List.of() : List.copyOf(forums);
    }
  }

  public record Overlaps(
      Integer year,
      @JsonAlias({"sameForumSeveralUnits", "severalUnits"}) List<ForumUnits> sameForum,
      @JsonAlias({"sameConvenerAndArea", "sameConvenerArea", "convenerAndArea"})
          List<ConvenerOverlap> sameConvener) {
    public Overlaps {
      sameForum = sameForum == null ? List.of() : List.copyOf(sameForum);
      sameConvener = sameConvener == null ? List.of() : List.copyOf(sameConvener);
    }
  }

  public record Coverage(
      Object period,
      @JsonAlias({"goalsServedByNoForum", "uncoveredGoals", "goalsWithoutForum"})
          List<Goal> uncovered,
      @JsonAlias({"forumsLinkedToNoGoal", "forumsWithoutGoals"}) List<ForumUnits> forumsWithoutGoal,
      List<CoveredGoal> covered) {
    public Coverage {
      uncovered = uncovered == null ? List.of() : List.copyOf(uncovered);
      forumsWithoutGoal = forumsWithoutGoal == null ? List.of() : List.copyOf(forumsWithoutGoal);
      covered = covered == null ? List.of() : List.copyOf(covered);
    }

    public String periodLabel() {
      return City.period(period);
    }
  }

  /** A goal and the forums whose participations serve it. */
  public record CoveredGoal(String goalId, String title, List<ForumUnits> forums) {
    public CoveredGoal {
      forums = forums == null ? List.of() : List.copyOf(forums);
    }
  }
}
