package org.forumledger.cost.projection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.forumledger.events.CostCategory;
import org.forumledger.events.CostLine;
import org.forumledger.events.CostStatus;
import org.forumledger.events.ExchangeRateSource;
import org.forumledger.events.FeeBasis;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.ParticipationCost;

/**
 * The one place that decides what a forum costs in a year, as plain code.
 *
 * <p>Two readings of the same facts:
 *
 * <ul>
 *   <li>{@link #actual} — the registry's figures only: the fee whose recorded range covers the year
 *       (an open-ended fee covers every later year) and the other costs recorded for the year. The
 *       totals endpoint uses it, so every consumer of the registry gets the same numbers.
 *   <li>{@link #projected} — the controllers' question "what will it cost if the agreements run as
 *       signed": a fee recurs while its range runs and the forum is active, re-priced by population
 *       or exchange rate; staff time follows the salary index; a paused, inactive or ended forum
 *       projects nothing. A year with a recorded fact stays actual.
 * </ul>
 */
public final class ProjectionRules {

  public static final String FEE_RECORDED = "fee.recorded";
  public static final String FEE_RECURS = "fee.recurs";
  public static final String FEE_FOREIGN_CURRENCY = "fee.foreign-currency-rate";

  /** {@link FeeTerms#rateSource()} of a rate taken from the cost settings for the year. */
  public static final String CONFIGURED_RATE = "CONFIGURED";

  public static final String FEE_PER_INHABITANT = "fee.per-inhabitant";
  public static final String FEE_STATUS_CARRIED = "fee.status-carried";
  public static final String FEE_ENDED = "fee.ended-with-agreement";
  public static final String FEE_NO_RECORD = "fee.no-record";
  public static final String OTHER_RECORDED = "other.recorded";

  /**
   * A forum-year with meetings recorded: its other costs are derived from them and the year's cost
   * rates by {@link ParticipationCost}, in place of any recorded estimate.
   */
  public static final String OTHER_FROM_PARTICIPATION = "other.from-participation";

  /**
   * A projected year without records or an estimate of its own, after a year with records (and no
   * later estimate): that year's meetings carried forward, priced at the projected year's rates
   * where recorded, else at their own year's.
   */
  public static final String OTHER_PARTICIPATION_CARRIED = "other.participation-carried";

  public static final String OTHER_SALARY_INDEXED = "other.carried-salary-indexed";
  public static final String OTHER_STATUS_CARRIED = "other.status-carried";
  public static final String OTHER_NO_RECORD = "other.no-record";
  public static final String FORUM_NOT_ACTIVE = "forum.not-active-projects-nothing";
  public static final String FORUM_NOT_REGISTERED = "forum.not-yet-registered";
  public static final String TOTALS_FEE = "totals.fee-covering-year";

  /**
   * A review's decision that the city leaves the forum, no unit remaining: no fee and no other cost
   * for a year whose 1 January is on or after the leave date. Where units remain, the fee and the
   * recorded other costs stand and only the leaving unit's meetings from the date end.
   */
  public static final String EXIT_REVIEW_DECISION = "exit.review-decision";

  public static final String TOTALS_OTHER = "totals.other-cost-recorded-for-year";

  private static final int SEK_SCALE = 2;

  private final RuleSettings settings;

  public ProjectionRules(RuleSettings settings) {
    this.settings = settings;
  }

  public RuleSettings settings() {
    return settings;
  }

  // ---------------------------------------------------------------- actuals (totals definition)

  public ForumYear actual(ForumFacts forum, int year) {
    // a fee does not recur into a year the forum had ended by; the year it was recorded from
    // counts.
    // Ended is the latest status, as in reporting and the verifier: a reopening undoes the end
    boolean ended = forum.endedBy(LocalDate.of(year, 1, 1));
    Optional<FeeFact> fee = forum.applicableFee(year).filter(f -> !ended || f.fromYear() == year);
    Figure feeFigure =
        fee.map(
                f ->
                    recordedFee(
                        f,
                        TOTALS_FEE,
                        "Fee recorded from " + f.fromYear() + range(f) + " covers " + year))
            .orElseGet(
                () ->
                    noRecord(
                        TOTALS_FEE,
                        ended
                            ? "The forum had ended by the start of " + year
                            : "No fee recorded whose range covers " + year,
                        List.of()));
    Optional<OtherCostFact> other = forum.otherCost(year);
    Optional<OtherOutcome> derived = fromParticipation(forum, year, false);
    Figure otherFigure =
        derived
            .map(OtherOutcome::figure)
            .orElseGet(
                () ->
                    other
                        .map(o -> recordedOther(o, TOTALS_OTHER))
                        .orElseGet(
                            () ->
                                noRecord(
                                    TOTALS_OTHER,
                                    "No other costs recorded for " + year,
                                    List.of())));
    return new ForumYear(
        forum,
        year,
        forum.countedIn(year),
        feeFigure,
        fee.filter(f -> f.status() == CostStatus.AMOUNT).map(ProjectionRules::terms).orElse(null),
        otherFigure,
        derived
            .map(OtherOutcome::byCategory)
            .orElseGet(() -> other.map(ProjectionRules::byCategory).orElse(Map.of())));
  }

  public YearTotals actualYear(List<ForumFacts> forums, int year) {
    return aggregate(year, forums.stream().map(f -> actual(f, year)).toList());
  }

  // ---------------------------------------------------------------- projections

  public ForumYear projected(ForumFacts forum, int year) {
    Optional<DecisionFact> exit = forum.cityExitBy(year);
    if (exit.isPresent()) {
      return new ForumYear(
          forum,
          year,
          forum.countedIn(year),
          exited(exit.get(), year, "no annual fee"),
          null,
          exited(exit.get(), year, "no other cost"),
          Map.of());
    }
    FeeOutcome fee = projectedFee(forum, year);
    OtherOutcome other = projectedOther(forum, year);
    List<DecisionFact> leaving = forum.leavingBy(year);
    return new ForumYear(
        forum,
        year,
        forum.countedIn(year),
        standing(fee.figure, leaving, year, "the fee"),
        fee.terms,
        standing(other.figure, leaving, year, "the recorded other costs"),
        other.byCategory);
  }

  /** The figure of a year the city has left the forum by: nothing, by the review's decision. */
  private static Figure exited(DecisionFact exit, int year, String what) {
    return new Figure(
        FigureStatus.NONE,
        BigDecimal.ZERO,
        Certainty.PROJECTED,
        EXIT_REVIEW_DECISION,
        "The city leaves the forum from "
            + exit.leaveFrom()
            + " ("
            + exit.cited()
            + "; "
            + exit.body()
            + " leaves, no other unit takes part): "
            + what
            + " for "
            + year,
        null,
        List.of(exit.source()),
        List.of());
  }

  /**
   * A figure that stands in a year a unit leaves in, with why: other units still take part, or the
   * city leaves during the year, whose fee is due for the year begun.
   */
  private static Figure standing(Figure figure, List<DecisionFact> leaving, int year, String what) {
    if (leaving.isEmpty() || figure.status() == FigureStatus.NO_RECORD) {
      return figure;
    }
    StringBuilder explanation = new StringBuilder(figure.explanation());
    List<Provenance> facts = new ArrayList<>(figure.facts());
    for (DecisionFact d : leaving) {
      explanation
          .append("; ")
          .append(d.body())
          .append(" leaves from ")
          .append(d.leaveFrom())
          .append(" (")
          .append(d.cited())
          .append(")");
      if (d.cityLeaves()) {
        explanation
            .append(", no other unit remaining: ")
            .append(what)
            .append(" for ")
            .append(year)
            .append(" stand, due for the year begun");
      } else {
        explanation
            .append("; ")
            .append(d.remaining())
            .append(" still ")
            .append(d.record().remainingUnits().size() == 1 ? "takes" : "take")
            .append(" part: ")
            .append(what)
            .append(" stand");
      }
      facts.add(d.source());
    }
    return new Figure(
        figure.status(),
        figure.amountSek(),
        figure.certainty(),
        figure.rule(),
        explanation.toString(),
        figure.reportedUnder(),
        facts,
        figure.settings());
  }

  public YearTotals projectedYear(List<ForumFacts> forums, int year) {
    return aggregate(year, forums.stream().map(f -> projected(f, year)).toList());
  }

  /** The projected years of a mandate period, each actual where facts were recorded for it. */
  public PeriodTotals projectedPeriod(List<ForumFacts> forums, MandatePeriod period) {
    return PeriodTotals.of(
        period, period.years().stream().map(y -> projectedYear(forums, y)).toList());
  }

  /**
   * What the decisions of {@code review} save, per year and per configured mandate period (see
   * {@link ReviewSavings}).
   */
  public ReviewSavings savings(List<ForumFacts> forums, ReviewFact review) {
    return ReviewSavings.of(this, forums, review);
  }

  /** Why a forum projects nothing in {@code year}, or empty when it is active then. */
  Optional<Figure> inactivity(ForumFacts forum, int year) {
    if (forum.registeredOn() != null && forum.registeredOn().getYear() > year) {
      return Optional.of(
          new Figure(
              FigureStatus.NO_RECORD,
              null,
              Certainty.PROJECTED,
              FORUM_NOT_REGISTERED,
              "The forum was registered from " + forum.registeredOn(),
              null,
              forum.identity(),
              List.of()));
    }
    ForumStatus status = forum.statusAtStartOf(year);
    if (status == ForumStatus.ACTIVE) {
      return Optional.empty();
    }
    StatusFact fact = forum.statusOn(LocalDate.of(year, 1, 1)).orElseThrow();
    return Optional.of(
        new Figure(
            FigureStatus.NONE,
            BigDecimal.ZERO,
            Certainty.PROJECTED,
            FORUM_NOT_ACTIVE,
            "The forum is "
                + status
                + " from "
                + fact.effectiveFrom()
                + ": nothing recurs in "
                + year,
            null,
            List.of(fact.source()),
            List.of()));
  }

  private FeeOutcome projectedFee(ForumFacts forum, int year) {
    Optional<FeeFact> applicable = forum.applicableFee(year);
    if (applicable.isEmpty()) {
      Optional<FeeFact> ended =
          forum.fees().stream()
              .filter(f -> f.fromYear() <= year && f.toYear() != null && f.toYear() < year)
              .reduce((a, b) -> b);
      if (ended.isPresent()) {
        FeeFact f = ended.get();
        return new FeeOutcome(
            new Figure(
                FigureStatus.NONE,
                BigDecimal.ZERO,
                Certainty.PROJECTED,
                FEE_ENDED,
                "The fee ran "
                    + f.fromYear()
                    + "–"
                    + f.toYear()
                    + " and stopped with its agreement",
                null,
                List.of(f.source()),
                List.of()),
            null);
      }
      return new FeeOutcome(
          noRecord(FEE_NO_RECORD, "No fee recorded for " + year, List.of()), null);
    }
    FeeFact fee = applicable.get();
    if (year > fee.fromYear()) {
      Optional<Figure> inactive = inactivity(forum, year);
      if (inactive.isPresent()) {
        return new FeeOutcome(withFact(inactive.get(), fee.source()), null);
      }
    }
    boolean explicit = year == fee.fromYear() || fee.toYear() != null;
    if (explicit || fee.status() != CostStatus.AMOUNT) {
      Figure recorded =
          recordedFee(fee, FEE_RECORDED, "Fee recorded from " + fee.fromYear() + range(fee));
      if (!explicit) {
        recorded =
            new Figure(
                recorded.status(),
                recorded.amountSek(),
                Certainty.PROJECTED,
                FEE_STATUS_CARRIED,
                "Open-ended fee recorded from "
                    + fee.fromYear()
                    + " as "
                    + fee.status()
                    + " carries on",
                recorded.reportedUnder(),
                recorded.facts(),
                List.of());
      }
      return new FeeOutcome(recorded, fee.status() == CostStatus.AMOUNT ? terms(fee) : null);
    }
    if (fee.basis() == FeeBasis.PER_INHABITANT && fee.perInhabitantRateSek() != null) {
      return perInhabitant(fee, year);
    }
    if (fee.inForeignCurrency()) {
      return foreignCurrency(fee, year);
    }
    return new FeeOutcome(
        new Figure(
            FigureStatus.AMOUNT,
            fee.amountSek(),
            Certainty.PROJECTED,
            FEE_RECURS,
            "Open-ended fee of "
                + fee.amountSek().toPlainString()
                + " SEK from "
                + fee.fromYear()
                + " recurs",
            null,
            List.of(fee.source()),
            List.of()),
        terms(fee));
  }

  private FeeOutcome perInhabitant(FeeFact fee, int year) {
    NavigableMap<Integer, Long> series = new TreeMap<>(settings.population());
    String impliedKey = null;
    if (fee.population() != null) {
      series.put(fee.fromYear(), fee.population());
      impliedKey = "population." + fee.fromYear() + " (from the fee event)";
    } else if (!series.containsKey(fee.fromYear())
        && fee.amountSek() != null
        && fee.perInhabitantRateSek().signum() > 0) {
      series.put(
          fee.fromYear(),
          fee.amountSek()
              .divide(fee.perInhabitantRateSek(), 0, RoundingMode.HALF_UP)
              .longValueExact());
      impliedKey = "population." + fee.fromYear() + " (implied: fee / rate)";
    }
    Entry<Integer, Long> point =
        Optional.ofNullable(series.floorEntry(year)).orElseGet(series::firstEntry);
    if (point == null) {
      return new FeeOutcome(
          new Figure(
              FigureStatus.NOT_CALCULATED,
              null,
              Certainty.PROJECTED,
              FEE_PER_INHABITANT,
              "No population known for " + year,
              null,
              List.of(fee.source()),
              List.of()),
          null);
    }
    String key =
        point.getKey() == fee.fromYear() && impliedKey != null
            ? impliedKey
            : "population." + point.getKey();
    BigDecimal amount = fee.perInhabitantRateSek().multiply(BigDecimal.valueOf(point.getValue()));
    return new FeeOutcome(
        new Figure(
            FigureStatus.AMOUNT,
            amount,
            Certainty.PROJECTED,
            FEE_PER_INHABITANT,
            fee.perInhabitantRateSek().toPlainString()
                + " SEK per inhabitant × "
                + point.getValue()
                + " inhabitants ("
                + key
                + ")",
            null,
            List.of(fee.source()),
            List.of(new SettingUsed(key, BigDecimal.valueOf(point.getValue())))),
        new FeeTerms(
            FeeBasis.PER_INHABITANT,
            fee.currency(),
            fee.originalAmount(),
            fee.exchangeRate(),
            rateSource(fee),
            fee.perInhabitantRateSek(),
            point.getValue()));
  }

  private FeeOutcome foreignCurrency(FeeFact fee, int year) {
    String currency = fee.currency().toUpperCase();
    NavigableMap<Integer, BigDecimal> rates = settings.exchangeRates().get(currency);
    Entry<Integer, BigDecimal> configured = rates == null ? null : rates.floorEntry(year);
    BigDecimal rate;
    List<SettingUsed> used;
    String source;
    String rateSource;
    boolean implied = fee.exchangeRateSource() == ExchangeRateSource.IMPLIED;
    if (configured != null) {
      rate = configured.getValue();
      rateSource = CONFIGURED_RATE;
      source =
          "rate."
              + currency
              + "."
              + configured.getKey()
              + (implied
                  ? ", configured; the fee's own rate "
                      + fee.exchangeRate().toPlainString()
                      + " is only implied by its "
                      + amountsImplyingTheRate(fee, currency)
                  : "");
      used = List.of(new SettingUsed("rate." + currency + "." + configured.getKey(), rate));
    } else if (fee.exchangeRate() != null) {
      rate = fee.exchangeRate();
      rateSource = rateSource(fee);
      source =
          implied
              ? "no rate configured; the rate implied by the fee's "
                  + amountsImplyingTheRate(fee, currency)
                  + ", which states none"
              : "the rate recorded with the fee";
      used = List.of();
    } else {
      return new FeeOutcome(
          new Figure(
              FigureStatus.NOT_CALCULATED,
              null,
              Certainty.PROJECTED,
              FEE_FOREIGN_CURRENCY,
              "No " + currency + " rate known for " + year,
              null,
              List.of(fee.source()),
              List.of()),
          null);
    }
    BigDecimal amount =
        fee.originalAmount().multiply(rate).setScale(SEK_SCALE, RoundingMode.HALF_UP);
    return new FeeOutcome(
        new Figure(
            FigureStatus.AMOUNT,
            amount,
            Certainty.PROJECTED,
            FEE_FOREIGN_CURRENCY,
            fee.originalAmount().toPlainString()
                + " "
                + currency
                + " × "
                + rate.toPlainString()
                + " SEK/"
                + currency
                + " ("
                + source
                + ")",
            null,
            List.of(fee.source()),
            used),
        new FeeTerms(fee.basis(), currency, fee.originalAmount(), rate, rateSource, null, null));
  }

  private OtherOutcome projectedOther(ForumFacts forum, int year) {
    Optional<OtherOutcome> derived = fromParticipation(forum, year, true);
    if (derived.isPresent()) {
      return derived.get();
    }
    Optional<OtherCostFact> recorded = forum.otherCost(year);
    if (recorded.isPresent()) {
      return new OtherOutcome(
          recordedOther(recorded.get(), OTHER_RECORDED), byCategory(recorded.get()));
    }
    Optional<OtherCostFact> latest =
        forum.otherCosts().stream().filter(o -> o.year() < year).reduce((a, b) -> b);
    Optional<Integer> recordsYear =
        forum.participations().stream()
            .map(ParticipationFact::year)
            .filter(y -> y < year)
            .max(Integer::compare);
    if (recordsYear.isPresent() && (latest.isEmpty() || recordsYear.get() >= latest.get().year())) {
      return carriedParticipation(forum, recordsYear.get(), year);
    }
    if (latest.isEmpty()) {
      return new OtherOutcome(
          noRecord(OTHER_NO_RECORD, "No other costs recorded for or before " + year, List.of()),
          Map.of());
    }
    OtherCostFact base = latest.get();
    Optional<Figure> inactive = inactivity(forum, year);
    if (inactive.isPresent()) {
      return new OtherOutcome(withFact(inactive.get(), base.source()), Map.of());
    }
    if (base.status() != CostStatus.AMOUNT) {
      return new OtherOutcome(
          new Figure(
              FigureStatus.of(base.status()),
              base.status() == CostStatus.NONE ? BigDecimal.ZERO : null,
              Certainty.PROJECTED,
              OTHER_STATUS_CARRIED,
              "Other costs of " + base.year() + " were " + base.status() + "; carried to " + year,
              base.reportedUnder(),
              List.of(base.source()),
              List.of()),
          Map.of());
    }
    return salaryIndexed(base, year);
  }

  private OtherOutcome salaryIndexed(OtherCostFact base, int year) {
    List<SettingUsed> used = new ArrayList<>();
    BigDecimal factor = BigDecimal.ONE;
    Entry<Integer, BigDecimal> from = settings.salaryIndex().floorEntry(base.year());
    Entry<Integer, BigDecimal> to = settings.salaryIndex().floorEntry(year);
    if (from != null && to != null && from.getValue().signum() > 0) {
      used.add(new SettingUsed("salaryIndex." + from.getKey(), from.getValue()));
      used.add(new SettingUsed("salaryIndex." + to.getKey(), to.getValue()));
      factor = to.getValue().divide(from.getValue(), 10, RoundingMode.HALF_UP);
    }
    Map<CostCategory, BigDecimal> categories = new EnumMap<>(CostCategory.class);
    BigDecimal total = BigDecimal.ZERO;
    if (base.lines().isEmpty()) {
      total = base.totalSek() == null ? BigDecimal.ZERO : base.totalSek();
    }
    for (CostLine line : base.lines()) {
      BigDecimal amount = line.amountSek() == null ? BigDecimal.ZERO : line.amountSek();
      if (line.category() == CostCategory.STAFF_TIME) {
        amount = amount.multiply(factor).setScale(SEK_SCALE, RoundingMode.HALF_UP);
      }
      categories.merge(line.category(), amount, BigDecimal::add);
      total = total.add(amount);
    }
    String explanation =
        "Other costs of "
            + base.year()
            + " carried to "
            + year
            + "; staff time × salary index "
            + factor.stripTrailingZeros().toPlainString()
            + (used.isEmpty() ? " (no index configured)" : "")
            + ", other categories unchanged";
    return new OtherOutcome(
        new Figure(
            FigureStatus.AMOUNT,
            total,
            Certainty.PROJECTED,
            OTHER_SALARY_INDEXED,
            explanation,
            null,
            List.of(base.source()),
            used),
        categories);
  }

  /**
   * The other costs derived from the meetings recorded in {@code year}, empty when none is: priced
   * at the year's rates by the shared rule, or not calculated while the year has no rates (unknown
   * is not zero). The figure cites every meeting's event, the rates' event and the estimate it
   * replaces, if one was recorded.
   */
  private static Optional<OtherOutcome> fromParticipation(
      ForumFacts forum, int year, boolean exits) {
    List<ParticipationFact> recorded = forum.participations(year);
    if (recorded.isEmpty()) {
      return Optional.empty();
    }
    Ended ended = exits ? Ended.of(forum, recorded, year) : Ended.NONE;
    List<ParticipationFact> meetings = ended.remaining(recorded);
    if (meetings.isEmpty()) {
      return Optional.of(
          new OtherOutcome(
              ended.nothingLeft(recorded.size() + " meetings recorded for " + year, year),
              Map.of()));
    }
    Optional<RatesFact> rates = forum.ratesOf(year);
    ParticipationCost.Derivation d =
        ParticipationCost.derive(
            year,
            meetings.stream().map(ParticipationFact::record).toList(),
            rates.map(RatesFact::rates).orElse(null));
    List<Provenance> facts = new ArrayList<>();
    meetings.forEach(m -> facts.add(m.source()));
    rates.ifPresent(r -> facts.add(r.source()));
    StringBuilder explanation = new StringBuilder();
    explanation
        .append(meetings.size())
        .append(meetings.size() == 1 ? " meeting" : " meetings")
        .append(" recorded for ")
        .append(year)
        .append(": ")
        .append(d.rule());
    if (!d.derived()) {
      explanation.append("; not calculated: ").append(d.reason());
    }
    for (ParticipationCost.MeetingCost meeting : d.meetings()) {
      explanation.append("; ").append(meeting.describe());
    }
    forum
        .otherCost(year)
        .ifPresent(
            estimate -> {
              facts.add(estimate.source());
              explanation
                  .append("; replaces the estimate recorded for ")
                  .append(year)
                  .append(" (")
                  .append(estimate.status())
                  .append(
                      estimate.totalSek() == null ? "" : " " + estimate.totalSek().toPlainString())
                  .append(")");
            });
    ended.describe(explanation, facts);
    List<SettingUsed> used = new ArrayList<>();
    Map<CostCategory, BigDecimal> categories = new EnumMap<>(CostCategory.class);
    if (d.derived()) {
      used.add(
          new SettingUsed("costRates." + year + ".hourlySalarySek", d.rates().hourlySalarySek()));
      used.add(
          new SettingUsed(
              "costRates." + year + ".payrollOverheadPercent", d.rates().payrollOverheadPercent()));
      categories.put(CostCategory.STAFF_TIME, d.staffSek());
      categories.put(CostCategory.TRAVEL, d.travelSek());
      categories.put(CostCategory.LODGING, d.lodgingSek());
      categories.put(CostCategory.PER_DIEM, d.perDiemSek());
      categories.put(CostCategory.ARVODE, d.electedFeesSek());
    }
    return Optional.of(
        new OtherOutcome(
            new Figure(
                d.derived() ? FigureStatus.AMOUNT : FigureStatus.NOT_CALCULATED,
                d.totalSek(),
                Certainty.ACTUAL,
                OTHER_FROM_PARTICIPATION,
                explanation.toString(),
                null,
                facts,
                used),
            categories));
  }

  private OtherOutcome carriedParticipation(ForumFacts forum, int base, int year) {
    List<ParticipationFact> recorded = forum.participations(base);
    List<Provenance> facts = new ArrayList<>();
    recorded.forEach(m -> facts.add(m.source()));
    Optional<Figure> inactive = inactivity(forum, year);
    if (inactive.isPresent()) {
      return new OtherOutcome(withFact(inactive.get(), facts.get(facts.size() - 1)), Map.of());
    }
    Ended ended = Ended.of(forum, recorded, year);
    List<ParticipationFact> meetings = ended.remaining(recorded);
    if (meetings.isEmpty()) {
      return new OtherOutcome(
          ended.nothingLeft(
              "Projected: the " + recorded.size() + " meetings recorded for " + base, year),
          Map.of());
    }
    facts.clear();
    meetings.forEach(m -> facts.add(m.source()));
    Optional<RatesFact> baseRates = forum.ratesOf(base);
    Optional<RatesFact> ownRates = forum.ratesOf(year);
    ParticipationCost.Derivation d =
        ParticipationCost.derive(
            base,
            meetings.stream().map(ParticipationFact::record).toList(),
            baseRates.map(RatesFact::rates).orElse(null));
    Optional<RatesFact> pricing = ownRates.isPresent() ? ownRates : baseRates;
    pricing.ifPresent(r -> facts.add(r.source()));
    BigDecimal total = pricing.map(r -> d.repricedAt(r.rates())).orElse(null);
    List<SettingUsed> used = new ArrayList<>();
    pricing.ifPresent(
        r -> {
          used.add(
              new SettingUsed(
                  "costRates." + r.year() + ".hourlySalarySek", r.rates().hourlySalarySek()));
          used.add(
              new SettingUsed(
                  "costRates." + r.year() + ".payrollOverheadPercent",
                  r.rates().payrollOverheadPercent()));
        });
    StringBuilder explanation =
        new StringBuilder(
            "Projected: the "
                + meetings.size()
                + (meetings.size() == 1 ? " meeting" : " meetings")
                + " recorded for "
                + base
                + " ("
                + d.hours().stripTrailingZeros().toPlainString()
                + " h, expenses as recorded) carried to "
                + year
                + (total == null
                    ? ", not calculated: no cost rates recorded for " + base + " or " + year
                    : ", priced at the cost rates of "
                        + pricing.get().year()
                        + " ("
                        + pricing.get().rates().hourlyCostSek().stripTrailingZeros().toPlainString()
                        + " SEK an hour, source: "
                        + pricing.get().rates().source()
                        + ")"));
    ended.describe(explanation, facts);
    return new OtherOutcome(
        new Figure(
            total == null ? FigureStatus.NOT_CALCULATED : FigureStatus.AMOUNT,
            total,
            Certainty.PROJECTED,
            OTHER_PARTICIPATION_CARRIED,
            explanation.toString(),
            null,
            facts,
            used),
        Map.of());
  }

  // ---------------------------------------------------------------- aggregation

  /** Sums a year's forum figures; the same code serves actual totals and projections. */
  public static YearTotals aggregate(int year, List<ForumYear> rows) {
    List<ForumYear> sorted =
        rows.stream()
            .sorted(
                Comparator.comparing(
                        (ForumYear r) -> r.forum().inventoryReference(), InventoryOrder.INSTANCE)
                    .thenComparing(r -> r.forum().forumId()))
            .toList();
    BigDecimal fees = BigDecimal.ZERO;
    BigDecimal others = BigDecimal.ZERO;
    BigDecimal actual = BigDecimal.ZERO;
    BigDecimal projected = BigDecimal.ZERO;
    Map<FigureStatus, Integer> feeStatuses = new EnumMap<>(FigureStatus.class);
    Map<FigureStatus, Integer> otherStatuses = new EnumMap<>(FigureStatus.class);
    for (ForumYear row : sorted) {
      fees = fees.add(row.fee().summable());
      others = others.add(row.otherCost().summable());
      for (Figure figure : List.of(row.fee(), row.otherCost())) {
        if (figure.certainty() == Certainty.ACTUAL) {
          actual = actual.add(figure.summable());
        } else {
          projected = projected.add(figure.summable());
        }
      }
      if (relevant(row)) {
        feeStatuses.merge(row.fee().status(), 1, Integer::sum);
        otherStatuses.merge(row.otherCost().status(), 1, Integer::sum);
      }
    }
    return new YearTotals(
        year,
        (int) sorted.stream().filter(ForumYear::counted).count(),
        fees,
        others,
        (int) sorted.stream().filter(ForumYear::notCalculated).count(),
        actual,
        projected,
        groups(sorted, r -> r.forum().area(), true),
        groups(sorted, r -> r.forum().convener(), false),
        groups(sorted, r -> r.forum().kind() == null ? null : r.forum().kind().name(), false),
        feeStatuses,
        otherStatuses,
        sorted);
  }

  /** A forum takes part in a year's groups when it is counted or carries anything for the year. */
  private static boolean relevant(ForumYear row) {
    return row.counted()
        || row.notCalculated()
        || row.fee().status() != FigureStatus.NO_RECORD
        || row.otherCost().status() != FigureStatus.NO_RECORD;
  }

  /**
   * Groups in encounter order when {@code inventoryOrder}: the rows arrive sorted by inventory
   * reference, so each area appears where its first reference sorts. Other groups sort by name.
   */
  private static List<Aggregate> groups(
      List<ForumYear> rows, Function<ForumYear, String> key, boolean inventoryOrder) {
    Map<String, List<ForumYear>> grouped = new LinkedHashMap<>();
    for (ForumYear row : rows) {
      if (relevant(row)) {
        String k = key.apply(row);
        grouped.computeIfAbsent(k == null ? "(okänd)" : k, x -> new ArrayList<>()).add(row);
      }
    }
    List<Aggregate> result = new ArrayList<>();
    grouped.forEach(
        (k, members) ->
            result.add(
                new Aggregate(
                    k,
                    (int) members.stream().filter(ForumYear::counted).count(),
                    members.stream()
                        .map(r -> r.fee().summable())
                        .reduce(BigDecimal.ZERO, BigDecimal::add),
                    members.stream()
                        .map(r -> r.otherCost().summable())
                        .reduce(BigDecimal.ZERO, BigDecimal::add),
                    (int) members.stream().filter(ForumYear::notCalculated).count())));
    if (!inventoryOrder) {
      result.sort(Comparator.comparing(Aggregate::key));
    }
    return List.copyOf(result);
  }

  // ---------------------------------------------------------------- helpers

  private static Figure recordedFee(FeeFact fee, String rule, String explanation) {
    FigureStatus status = FigureStatus.of(fee.status());
    BigDecimal amount =
        switch (fee.status()) {
          case AMOUNT -> fee.amountSek();
          case NONE -> BigDecimal.ZERO;
          default -> null;
        };
    return new Figure(
        status,
        amount,
        Certainty.ACTUAL,
        rule,
        fee.status() == CostStatus.AMOUNT && fee.inForeignCurrency()
            ? explanation + " (" + inSek(fee) + ")"
            : explanation,
        fee.reportedUnder(),
        List.of(fee.source()),
        List.of());
  }

  private static Figure recordedOther(OtherCostFact other, String rule) {
    BigDecimal amount =
        switch (other.status()) {
          case AMOUNT -> other.totalSek();
          case NONE -> BigDecimal.ZERO;
          default -> null;
        };
    return new Figure(
        FigureStatus.of(other.status()),
        amount,
        Certainty.ACTUAL,
        rule,
        "Other costs recorded for " + other.year(),
        other.reportedUnder(),
        List.of(other.source()),
        List.of());
  }

  private static Figure noRecord(String rule, String explanation, List<Provenance> facts) {
    return new Figure(
        FigureStatus.NO_RECORD, null, Certainty.ACTUAL, rule, explanation, null, facts, List.of());
  }

  private static Figure withFact(Figure figure, Provenance extra) {
    List<Provenance> facts = new ArrayList<>(figure.facts());
    facts.add(extra);
    return new Figure(
        figure.status(),
        figure.amountSek(),
        figure.certainty(),
        figure.rule(),
        figure.explanation(),
        figure.reportedUnder(),
        facts,
        figure.settings());
  }

  private static FeeTerms terms(FeeFact fee) {
    return new FeeTerms(
        fee.basis(),
        fee.currency(),
        fee.originalAmount(),
        fee.exchangeRate(),
        rateSource(fee),
        fee.perInhabitantRateSek(),
        fee.population());
  }

  /** "1500 EUR recorded as 16000 SEK, rate 10.666667 SEK/EUR implied by the two". */
  private static String inSek(FeeFact fee) {
    String currency = fee.currency().toUpperCase();
    String rate =
        fee.exchangeRate() == null
            ? "no rate recorded"
            : "rate "
                + fee.exchangeRate().toPlainString()
                + " SEK/"
                + currency
                + (fee.exchangeRateSource() == ExchangeRateSource.IMPLIED
                    ? " implied by the two"
                    : " stated");
    return fee.originalAmount().toPlainString()
        + " "
        + currency
        + " recorded as "
        + fee.amountSek().toPlainString()
        + " SEK, "
        + rate;
  }

  private static String rateSource(FeeFact fee) {
    return fee.exchangeRateSource() == null ? null : fee.exchangeRateSource().name();
  }

  private static Map<CostCategory, BigDecimal> byCategory(OtherCostFact other) {
    Map<CostCategory, BigDecimal> categories = new EnumMap<>(CostCategory.class);
    for (CostLine line : other.lines()) {
      if (line.amountSek() != null) {
        categories.merge(line.category(), line.amountSek(), BigDecimal::add);
      }
    }
    return categories;
  }

  private static String range(FeeFact fee) {
    return fee.toYear() == null ? " (open-ended)" : " to " + fee.toYear();
  }

  private record FeeOutcome(Figure figure, FeeTerms terms) {}

  /**
   * The meetings of a forum-year whose unit had left the forum by their day (moved into {@code
   * year} for meetings carried forward), each with the decision that ended it.
   */
  private record Ended(Map<ParticipationFact, DecisionFact> meetings) {

    static final Ended NONE = new Ended(Map.of());

    static Ended of(ForumFacts forum, List<ParticipationFact> recorded, int year) {
      Map<ParticipationFact, DecisionFact> ended = new LinkedHashMap<>();
      for (ParticipationFact meeting : recorded) {
        forum.exitOf(meeting.record(), year).ifPresent(d -> ended.put(meeting, d));
      }
      return ended.isEmpty() ? NONE : new Ended(ended);
    }

    List<ParticipationFact> remaining(List<ParticipationFact> recorded) {
      return meetings.isEmpty()
          ? recorded
          : recorded.stream().filter(m -> !meetings.containsKey(m)).toList();
    }

    /** "; 2 meetings of KS not counted: KS leaves from 2025-07-01 (review …)". */
    void describe(StringBuilder explanation, List<Provenance> facts) {
      Map<DecisionFact, Integer> byDecision = new LinkedHashMap<>();
      meetings.values().forEach(d -> byDecision.merge(d, 1, Integer::sum));
      byDecision.forEach(
          (d, count) -> {
            explanation
                .append("; ")
                .append(count)
                .append(count == 1 ? " meeting of " : " meetings of ")
                .append(d.body())
                .append(" not counted: ")
                .append(d.body())
                .append(" leaves the forum from ")
                .append(d.leaveFrom())
                .append(" (")
                .append(d.cited())
                .append("; ")
                .append(d.remaining())
                .append(d.cityLeaves() ? " remains)" : " still takes part)");
            facts.add(d.source());
          });
    }

    /** Every meeting ended: no meeting-derived cost remains. */
    Figure nothingLeft(String meetingsOf, int year) {
      StringBuilder explanation =
          new StringBuilder(meetingsOf)
              .append(", none of a unit still taking part in ")
              .append(year);
      List<Provenance> facts = new ArrayList<>();
      describe(explanation, facts);
      return new Figure(
          FigureStatus.NONE,
          BigDecimal.ZERO,
          Certainty.PROJECTED,
          EXIT_REVIEW_DECISION,
          explanation.toString(),
          null,
          facts,
          List.of());
    }
  }

  private record OtherOutcome(Figure figure, Map<CostCategory, BigDecimal> byCategory) {}

  /** "16000.00 SEK for 1500 EUR in 2023": the two amounts an implied rate comes from. */
  private static String amountsImplyingTheRate(FeeFact fee, String currency) {
    return fee.amountSek().toPlainString()
        + " SEK for "
        + fee.originalAmount().toPlainString()
        + " "
        + currency
        + " in "
        + fee.fromYear();
  }
}
