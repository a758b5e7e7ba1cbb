package org.forumledger.cost.projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.CostCategory;
import org.forumledger.events.CostLine;
import org.forumledger.events.CostStatus;
import org.forumledger.events.ExchangeRateSource;
import org.forumledger.events.FeeBasis;
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumStatus;

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
        List.of(event("forum.ForumRegistered")));
  }
}
