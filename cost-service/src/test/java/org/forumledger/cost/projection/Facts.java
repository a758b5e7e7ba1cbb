package org.forumledger.cost.projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.Body;
import org.forumledger.events.CostCategory;
import org.forumledger.events.CostLine;
import org.forumledger.events.CostRatesRecorded;
import org.forumledger.events.CostStatus;
import org.forumledger.events.CourseOfAction;
import org.forumledger.events.ExchangeRateSource;
import org.forumledger.events.FeeBasis;
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.ParticipationRecorded;
import org.forumledger.events.ParticipationRef;
import org.forumledger.events.ReviewDecisionRecorded;

/** Builds forums' facts for rule tests, in the words of the 2023 inventory. */
final class Facts {

  private static int nextEvent;

  private final String forumId;
  private String reference = "2.1.1";
  private String area = "Regional utveckling";
  private String convener = "VGR";
  private LocalDate registeredOn = LocalDate.of(2023, 1, 1);
  private final List<StatusFact> statuses = new ArrayList<>();
  private final List<FeeFact> fees = new ArrayList<>();
  private final List<OtherCostFact> others = new ArrayList<>();
  private final List<ParticipationFact> meetings = new ArrayList<>();
  private final Map<Integer, RatesFact> rates = new HashMap<>();
  private final List<DecisionFact> decisions = new ArrayList<>();

  private Facts(String forumId) {
    this.forumId = forumId;
  }

  static Facts forum(String forumId) {
    return new Facts(forumId);
  }

  static Provenance event(String type) {
    nextEvent++;
    return new Provenance(
        "event-" + nextEvent,
        type,
        nextEvent,
        Instant.parse("2024-02-26T09:15:00Z"),
        LocalDate.of(2023, 1, 1),
        "KS 2023-11-22 § 841");
  }

  Facts reference(String reference) {
    this.reference = reference;
    return this;
  }

  Facts area(String area) {
    this.area = area;
    return this;
  }

  Facts registeredOn(LocalDate date) {
    this.registeredOn = date;
    return this;
  }

  Facts status(ForumStatus status, LocalDate from) {
    statuses.add(new StatusFact(status, from, event("forum.ForumStatusChanged")));
    return this;
  }

  Facts fixedFee(int from, Integer to, String sek) {
    fees.add(
        new FeeFact(
            from,
            to,
            CostStatus.AMOUNT,
            new BigDecimal(sek),
            "SEK",
            null,
            null,
            null,
            FeeBasis.FIXED,
            null,
            null,
            null,
            null,
            false,
            event("forum.AnnualFeeSet"),
            List.of()));
    return this;
  }

  Facts eurFee(int from, Integer to, String eur, String rate) {
    BigDecimal original = new BigDecimal(eur);
    BigDecimal r = new BigDecimal(rate);
    fees.add(
        new FeeFact(
            from,
            to,
            CostStatus.AMOUNT,
            original.multiply(r),
            "EUR",
            original,
            r,
            ExchangeRateSource.STATED,
            FeeBasis.FIXED,
            null,
            null,
            null,
            null,
            false,
            event("forum.AnnualFeeSet"),
            List.of()));
    return this;
  }

  /** A fee in euro given with the SEK figure a report prints: the rate is implied by the two. */
  Facts eurFeeWithSek(int from, Integer to, String eur, String sek) {
    BigDecimal original = new BigDecimal(eur);
    BigDecimal amountSek = new BigDecimal(sek);
    fees.add(
        new FeeFact(
            from,
            to,
            CostStatus.AMOUNT,
            amountSek,
            "EUR",
            original,
            AnnualFeeSet.impliedRate(amountSek, original),
            ExchangeRateSource.IMPLIED,
            FeeBasis.FIXED,
            null,
            null,
            null,
            null,
            false,
            event("forum.AnnualFeeSet"),
            List.of()));
    return this;
  }

  Facts perInhabitantFee(
      int from, Integer to, String ratePerInhabitant, String sek, Long population) {
    fees.add(
        new FeeFact(
            from,
            to,
            CostStatus.AMOUNT,
            new BigDecimal(sek),
            "SEK",
            null,
            null,
            null,
            FeeBasis.PER_INHABITANT,
            new BigDecimal(ratePerInhabitant),
            population,
            null,
            null,
            false,
            event("forum.AnnualFeeSet"),
            List.of()));
    return this;
  }

  Facts feeStatus(int from, CostStatus status, String reportedUnder) {
    fees.add(
        new FeeFact(
            from,
            null,
            status,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            reportedUnder,
            false,
            event("forum.AnnualFeeSet"),
            List.of()));
    return this;
  }

  Facts otherCost(int year, String staffSek, String travelSek) {
    BigDecimal staff = new BigDecimal(staffSek);
    BigDecimal travel = new BigDecimal(travelSek);
    others.add(
        new OtherCostFact(
            year,
            CostStatus.AMOUNT,
            List.of(
                new CostLine(CostCategory.STAFF_TIME, staff, new BigDecimal("20"), null),
                new CostLine(CostCategory.TRAVEL, travel, null, null)),
            staff.add(travel),
            null,
            false,
            event("forum.OtherCostRecorded"),
            List.of()));
    return this;
  }

  Facts otherCostStatus(int year, CostStatus status, String reportedUnder) {
    others.add(
        new OtherCostFact(
            year,
            status,
            List.of(),
            null,
            reportedUnder,
            false,
            event("forum.OtherCostRecorded"),
            List.of()));
    return this;
  }

  /** A meeting of {@code body}: {@code hours} of work, no expenses. */
  Facts meeting(String participationId, Body body, String day, String hours) {
    meetings.add(
        new ParticipationFact(
            new ParticipationRecorded(
                forumId,
                participationId,
                body,
                LocalDate.parse(day),
                1,
                List.of(),
                new BigDecimal(hours),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                MeetingMode.DIGITAL,
                false),
            event("forum.ParticipationRecorded"),
            List.of()));
    return this;
  }

  /** The cost rates of {@code year}: an hour costs {@code salary} × (1 + {@code overhead} %). */
  Facts rates(int year, String salary, String overhead) {
    rates.put(
        year,
        new RatesFact(
            new CostRatesRecorded(
                year,
                new BigDecimal(salary),
                new BigDecimal(overhead),
                "SLK payroll " + year,
                List.of(),
                false),
            event("rates.CostRatesRecorded"),
            List.of()));
    return this;
  }

  /** The review's decision on {@code body}'s participation, on the day of the board's decision. */
  Facts decided(
      String reviewId, Body body, CourseOfAction decision, String decidedOn, Body... remaining) {
    decisions.add(
        new DecisionFact(
            new ReviewDecisionRecorded(
                reviewId,
                new ParticipationRef(forumId, body),
                decision,
                "KS " + decidedOn + " § 101",
                LocalDate.parse(decidedOn),
                List.of(remaining),
                false),
            "Översyn av nätverk och samarbeten",
            event("review.DecisionRecorded"),
            List.of()));
    return this;
  }

  ForumFacts build() {
    StatusFact current = statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    return new ForumFacts(
        forumId,
        reference,
        "Forum " + reference,
        area,
        convener,
        ForumKind.NETWORK,
        registeredOn,
        current,
        statuses,
        fees,
        others,
        List.of(event("forum.ForumRegistered")),
        meetings,
        rates,
        decisions);
  }
}
