package org.forumledger.cost.units;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedSet;
import org.forumledger.cost.projection.FigureStatus;
import org.forumledger.cost.projection.ForumFacts;
import org.forumledger.cost.projection.Provenance;
import org.forumledger.cost.units.UnitCosts.Attribution;
import org.forumledger.cost.units.UnitCosts.ForumParts;
import org.forumledger.cost.units.UnitCosts.Part;
import org.forumledger.cost.units.UnitCosts.Sums;
import org.forumledger.cost.units.UnitCosts.Year;
import org.forumledger.events.Body;

/** The answers of {@code /costs/years/{year}/units}, with the rule behind each figure. */
public final class UnitViews {

  static final String BASIS = "actual";

  static final String NOT_APPORTIONED =
      "Fees and other costs of a forum several units take part in are shared by them and not"
          + " apportioned: the ledger records no key to split them by. They are listed here, never"
          + " added to any unit's attributable figure.";

  static final List<String> RULES =
      List.of(
          UnitCosts.TAKING_PART,
          UnitCosts.OWN_MEETINGS,
          UnitCosts.SOLE_UNIT,
          UnitCosts.SHARED_NOT_APPORTIONED,
          UnitCosts.NO_UNIT);

  private UnitViews() {}

  /** Amounts summed and forums not calculated counted (never summed: unknown is not zero). */
  public record SumsView(
      int forumCount,
      BigDecimal feeSek,
      BigDecimal otherCostSek,
      BigDecimal totalSek,
      int notCalculatedCount) {

    static SumsView of(Sums s) {
      return new SumsView(
          s.forumCount(), s.feeSek(), s.otherCostSek(), s.totalSek(), s.notCalculatedCount());
    }
  }

  /**
   * What the forums shared with other units cost as wholes, not split.
   *
   * @param apportioned always false: no share of these is any unit's
   */
  public record SharedView(
      boolean apportioned,
      String rule,
      String note,
      int forumCount,
      BigDecimal feeSek,
      BigDecimal otherCostSek,
      BigDecimal totalSek,
      int notCalculatedCount) {

    static SharedView of(Sums s) {
      return new SharedView(
          false,
          UnitCosts.SHARED_NOT_APPORTIONED,
          NOT_APPORTIONED,
          s.forumCount(),
          s.feeSek(),
          s.otherCostSek(),
          s.totalSek(),
          s.notCalculatedCount());
    }
  }

  /** One unit in the year: its forums counted, what is its own, and what it shares. */
  public record UnitSummaryView(
      String unit,
      String name,
      String kind,
      boolean registered,
      int forumCount,
      SumsView attributable,
      SharedView sharedNotApportioned,
      String href) {

    static UnitSummaryView of(Year year, UnitCosts.Unit unit) {
      Body code = unit.code();
      return new UnitSummaryView(
          code.code(),
          unit.name(),
          unit.kind(),
          unit.registered() != null,
          year.forumsOf(code).size(),
          SumsView.of(year.attributedTo(code)),
          SharedView.of(year.sharedBy(code)),
          "/costs/years/" + year.year() + "/units/" + code.code());
    }
  }

  /**
   * The identity the split keeps: attributed + shared + no unit = the year's totals, and the forums
   * not calculated counted, each once, as the totals count them.
   */
  public record ReconciliationView(
      SumsView attributed,
      SharedView shared,
      SumsView noUnitTakingPart,
      BigDecimal feeSek,
      BigDecimal otherCostSek,
      int notCalculatedForums,
      BigDecimal annualFeeTotal,
      BigDecimal otherCostTotal,
      int notCalculatedCount,
      boolean reconciles) {

    static ReconciliationView of(Year year) {
      Sums attributed = year.attributed();
      Sums shared = year.shared();
      Sums none = year.noUnit();
      BigDecimal fee = attributed.feeSek().add(shared.feeSek()).add(none.feeSek());
      BigDecimal other =
          attributed.otherCostSek().add(shared.otherCostSek()).add(none.otherCostSek());
      int notCalculated = year.notCalculatedForums();
      return new ReconciliationView(
          SumsView.of(attributed),
          SharedView.of(shared),
          SumsView.of(none),
          fee,
          other,
          notCalculated,
          year.totals().annualFeeTotal(),
          year.totals().otherCostTotal(),
          year.totals().notCalculatedCount(),
          fee.compareTo(year.totals().annualFeeTotal()) == 0
              && other.compareTo(year.totals().otherCostTotal()) == 0
              && notCalculated == year.totals().notCalculatedCount());
    }
  }

  /** {@code GET /costs/years/{year}/units}. */
  public record YearUnitsView(
      int year,
      String basis,
      long position,
      List<String> rules,
      List<UnitSummaryView> units,
      SharedView shared,
      SumsView noUnitTakingPart,
      ReconciliationView reconciliation) {

    static YearUnitsView of(Year year, long position) {
      List<UnitSummaryView> units =
          year.unitsTakingPart().stream()
              .map(code -> UnitSummaryView.of(year, year.known(code).orElseThrow()))
              .toList();
      return new YearUnitsView(
          year.year(),
          BASIS,
          position,
          RULES,
          units,
          SharedView.of(year.shared()),
          SumsView.of(year.noUnit()),
          ReconciliationView.of(year));
    }
  }

  /** A part of a forum's cost and to whom it falls, with the rule and the facts behind it. */
  public record PartView(
      String component,
      Attribution attribution,
      String rule,
      String figureRule,
      FigureStatus status,
      BigDecimal amountSek,
      boolean summed,
      String explanation,
      List<Provenance> facts) {

    static PartView of(String component, Part p) {
      return new PartView(
          component,
          p.attribution(),
          p.rule(),
          p.figureRule(),
          p.status(),
          p.amountSek(),
          p.status() == FigureStatus.AMOUNT,
          p.explanation(),
          p.facts());
    }
  }

  /**
   * A forum a unit takes part in.
   *
   * @param takingPartBecause the facts that make the unit take part ({@code unit.taking-part})
   * @param sharedWith the other units taking part; empty when the unit is the only one
   */
  public record UnitForumView(
      String forumId,
      String inventoryReference,
      String name,
      List<String> takingPart,
      List<String> sharedWith,
      List<Provenance> takingPartBecause,
      List<PartView> parts,
      BigDecimal attributableSek,
      BigDecimal sharedNotApportionedSek) {

    static UnitForumView of(ForumParts f, Body unit) {
      ForumFacts forum = f.row().forum();
      SortedSet<Body> units = f.units();
      List<Part> parts = f.partsOf(unit);
      List<PartView> views =
          parts.stream()
              .map(
                  p ->
                      PartView.of(
                          p == f.fee() ? "fee" : p == f.otherCost() ? "otherCost" : "ownMeetings",
                          p))
              .toList();
      return new UnitForumView(
          forum.forumId(),
          forum.inventoryReference(),
          forum.name(),
          units.stream().map(Body::code).toList(),
          units.stream().filter(u -> !u.equals(unit)).map(Body::code).toList(),
          f.takingPart().get(unit),
          views,
          sum(parts, Attribution.ATTRIBUTED),
          sum(parts, Attribution.SHARED_NOT_APPORTIONED));
    }

    private static BigDecimal sum(List<Part> parts, Attribution attribution) {
      return parts.stream()
          .filter(p -> p.attribution() == attribution)
          .map(Part::summable)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /** {@code GET /costs/years/{year}/units/{code}}: the unit's figures with its forums. */
  public record UnitYearView(
      int year,
      String basis,
      long position,
      String unit,
      String name,
      String kind,
      boolean registered,
      int forumCount,
      SumsView attributable,
      SharedView sharedNotApportioned,
      List<String> rules,
      List<UnitForumView> forums) {

    static UnitYearView of(Year year, UnitCosts.Unit unit, long position) {
      Body code = unit.code();
      return new UnitYearView(
          year.year(),
          BASIS,
          position,
          code.code(),
          unit.name(),
          unit.kind(),
          unit.registered() != null,
          year.forumsOf(code).size(),
          SumsView.of(year.attributedTo(code)),
          SharedView.of(year.sharedBy(code)),
          RULES,
          year.forumsOf(code).stream().map(f -> UnitForumView.of(f, code)).toList());
    }
  }
}
