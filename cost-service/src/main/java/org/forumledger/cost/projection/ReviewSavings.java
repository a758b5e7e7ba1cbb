package org.forumledger.cost.projection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.forumledger.events.Body;

/**
 * What a review's decisions save: per year, the projected cost of each forum it decided on without
 * its decisions minus the projected cost with them; per mandate period, the sum of its years. A
 * part whose cost without the decisions is not calculated is unknown, counted and never summed.
 *
 * @param notCalculated forums whose saving is unknown in any of the years shown
 */
public record ReviewSavings(
    ReviewFact review, List<Year> years, List<Period> periods, int notCalculated) {

  /**
   * One year: the sum of its lines' known savings.
   *
   * @param notCalculated lines whose saving is unknown in part
   */
  public record Year(int year, BigDecimal savingSek, int notCalculated, List<Line> lines) {}

  /**
   * One forum's saving in a year.
   *
   * @param body the unit whose decision saves it (the one by which the city leaves, when it does)
   * @param feeSek the fee removed, null when unknown
   * @param otherSek the other costs removed, null when unknown
   * @param without the forum's year as if the review had decided nothing
   * @param with the forum's year as projected
   */
  public record Line(
      ForumFacts forum,
      int year,
      Body body,
      BigDecimal feeSek,
      BigDecimal otherSek,
      String explanation,
      ForumYear without,
      ForumYear with) {

    public boolean unknown() {
      return feeSek == null || otherSek == null;
    }

    /** The known part of the saving. */
    public BigDecimal known() {
      return (feeSek == null ? BigDecimal.ZERO : feeSek)
          .add(otherSek == null ? BigDecimal.ZERO : otherSek);
    }
  }

  /** A mandate period: the sum of its years' known savings. */
  public record Period(MandatePeriod period, BigDecimal savingSek, int notCalculated) {}

  /**
   * The savings of {@code review} in the configured mandate periods from the one its period begins
   * in (every configured period when it names none).
   */
  static ReviewSavings of(ProjectionRules rules, List<ForumFacts> forums, ReviewFact review) {
    List<MandatePeriod> periods =
        rules.settings().mandatePeriods().stream()
            .filter(p -> review.period() == null || p.to() >= review.period().from())
            .toList();
    List<ForumFacts> decided =
        forums.stream()
            .filter(
                f -> f.decisions().stream().anyMatch(d -> d.reviewId().equals(review.reviewId())))
            .toList();
    List<Year> years = new ArrayList<>();
    List<Period> sums = new ArrayList<>();
    Set<String> unknownForums = new LinkedHashSet<>();
    for (MandatePeriod period : periods) {
      BigDecimal periodSum = BigDecimal.ZERO;
      Set<String> periodUnknown = new LinkedHashSet<>();
      for (int year : period.years()) {
        List<Line> lines = new ArrayList<>();
        for (ForumFacts forum : decided) {
          line(rules, forum, review.reviewId(), year).ifPresent(lines::add);
        }
        lines.sort(
            Comparator.comparing(
                    (Line l) -> l.forum().inventoryReference(), InventoryOrder.INSTANCE)
                .thenComparing(l -> l.forum().forumId()));
        BigDecimal sum = lines.stream().map(Line::known).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Line> unknown = lines.stream().filter(Line::unknown).toList();
        unknown.forEach(l -> periodUnknown.add(l.forum().forumId()));
        years.add(new Year(year, sum, unknown.size(), List.copyOf(lines)));
        periodSum = periodSum.add(sum);
      }
      unknownForums.addAll(periodUnknown);
      sums.add(new Period(period, periodSum, periodUnknown.size()));
    }
    return new ReviewSavings(review, List.copyOf(years), List.copyOf(sums), unknownForums.size());
  }

  private static Optional<Line> line(
      ProjectionRules rules, ForumFacts forum, String reviewId, int year) {
    ForumYear with = rules.projected(forum, year);
    ForumYear without = rules.projected(forum.withoutReview(reviewId), year);
    Set<String> decisions = new HashSet<>();
    forum.decisions().forEach(d -> decisions.add(d.source().eventId()));
    BigDecimal fee = saved(without.fee(), with.fee(), decisions);
    BigDecimal other = saved(without.otherCost(), with.otherCost(), decisions);
    boolean changed = fee == null || other == null || fee.signum() != 0 || other.signum() != 0;
    if (!changed) {
      return Optional.empty();
    }
    List<DecisionFact> ours =
        forum.decisionsInForce().stream().filter(d -> d.reviewId().equals(reviewId)).toList();
    Body body =
        ours.stream()
            .filter(DecisionFact::cityLeaves)
            .findFirst()
            .or(() -> ours.stream().filter(DecisionFact::leaves).findFirst())
            .or(() -> ours.stream().findFirst())
            .map(DecisionFact::body)
            .orElse(null);
    if (body == null) {
      // every decision of the review on this forum was replaced by another review's later one
      return Optional.empty();
    }
    return Optional.of(
        new Line(
            forum,
            year,
            body,
            fee,
            other,
            "fee "
                + described(without.fee())
                + " without the review's decisions, "
                + described(with.fee())
                + " with them ("
                + with.fee().rule()
                + ": "
                + with.fee().explanation()
                + "); other costs "
                + described(without.otherCost())
                + " without, "
                + described(with.otherCost())
                + " with ("
                + with.otherCost().rule()
                + ": "
                + with.otherCost().explanation()
                + ")",
            without,
            with));
  }

  /**
   * Without minus with: zero when the decisions leave the figure as it was (only explained
   * further), null when it changed and either is not calculated (unknown is not zero).
   */
  private static BigDecimal saved(Figure without, Figure with, Set<String> decisions) {
    if (same(without, with, decisions)) {
      return BigDecimal.ZERO;
    }
    if (without.status() == FigureStatus.NOT_CALCULATED
        || with.status() == FigureStatus.NOT_CALCULATED) {
      return null;
    }
    return without.summable().subtract(with.summable());
  }

  /** The same figure by the same rule on the same cost facts, whatever decisions it cites. */
  private static boolean same(Figure a, Figure b, Set<String> decisions) {
    return a.status() == b.status()
        && Objects.equals(a.rule(), b.rule())
        && (a.amountSek() == null
            ? b.amountSek() == null
            : b.amountSek() != null && a.amountSek().compareTo(b.amountSek()) == 0)
        && costFacts(a, decisions).equals(costFacts(b, decisions));
  }

  private static List<String> costFacts(Figure figure, Set<String> decisions) {
    return figure.facts().stream()
        .map(Provenance::eventId)
        .filter(id -> !decisions.contains(id))
        .toList();
  }

  private static String described(Figure figure) {
    return switch (figure.status()) {
      case AMOUNT -> figure.amountSek().toPlainString() + " SEK";
      case NONE -> "none";
      case NOT_CALCULATED -> "not calculated";
      case REPORTED_UNDER -> "reported under " + figure.reportedUnder();
      case NO_RECORD -> "no record";
    };
  }
}
