package org.forumledger.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The one rule that turns a forum-year's participation records into its other costs, shared by the
 * cost service, reporting and the offline verifier: for each meeting, hours × hourly salary × (1 +
 * payroll overhead) plus its travel, lodging, per diem and elected representatives' fees; the year
 * is the sum of its meetings. Exact decimals throughout; rounding belongs to presentation.
 *
 * <p>Without a record in the year there is nothing to derive ({@link Outcome#NO_RECORDS}: the
 * recorded estimate, if any, stands); with records but no rates for the year the cost is unknown,
 * not zero ({@link Outcome#NO_RATES}, reason "no cost rates recorded for YEAR").
 */
public final class ParticipationCost {

  private ParticipationCost() {}

  /**
   * The derivation for {@code year}.
   *
   * @param records the current record of each meeting of one forum (a corrected meeting by its
   *     latest record, a withdrawn one left out); records of other years are ignored
   * @param rates the year's current rates, or null when none are recorded
   * @throws IllegalArgumentException when the rates are of another year
   */
  public static Derivation derive(
      int year, Collection<ParticipationRecorded> records, CostRatesRecorded rates) {
    if (rates != null && rates.year() != year) {
      throw new IllegalArgumentException(
          "rates of " + rates.year() + " cannot price the year " + year);
    }
    List<ParticipationRecorded> ofYear =
        records.stream()
            .filter(r -> r.year() == year)
            .sorted(
                Comparator.comparing(ParticipationRecorded::meetingDate)
                    .thenComparing(ParticipationRecorded::participationId))
            .toList();
    if (ofYear.isEmpty()) {
      return new Derivation(year, Outcome.NO_RECORDS, null, rates, List.of());
    }
    if (rates == null) {
      return new Derivation(
          year, Outcome.NO_RATES, noRatesReason(year), null, meetingsUnpriced(ofYear));
    }
    BigDecimal hourlyCost = rates.hourlyCostSek();
    List<MeetingCost> meetings = new ArrayList<>(ofYear.size());
    for (ParticipationRecorded r : ofYear) {
      meetings.add(MeetingCost.of(r, hourlyCost));
    }
    return new Derivation(year, Outcome.DERIVED, null, rates, List.copyOf(meetings));
  }

  /** The reason a year with records but without rates is not calculated. */
  public static String noRatesReason(int year) {
    return "no cost rates recorded for " + year;
  }

  private static List<MeetingCost> meetingsUnpriced(List<ParticipationRecorded> records) {
    return records.stream().map(r -> MeetingCost.of(r, null)).toList();
  }

  /** An amount in an explanation: exact, without trailing zeros (12.50 × 2 reads 25). */
  static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }

  /** What could be derived. */
  public enum Outcome {
    /** Records and rates: the figure is {@link Derivation#totalSek}. */
    DERIVED,
    /** No record in the year: nothing derived, the recorded estimate (if any) stands. */
    NO_RECORDS,
    /** Records but no rates for the year: not calculated, never summed as zero. */
    NO_RATES
  }

  /**
   * A forum-year's derivation.
   *
   * @param reason why not calculated ({@link Outcome#NO_RATES}), else null
   * @param rates the rates used, null without
   * @param meetings each meeting in date order; unpriced (null amounts but expenses) without rates
   */
  public record Derivation(
      int year,
      Outcome outcome,
      String reason,
      CostRatesRecorded rates,
      List<MeetingCost> meetings) {

    public Derivation {
      Objects.requireNonNull(outcome, "outcome");
      meetings = List.copyOf(meetings);
    }

    public boolean derived() {
      return outcome == Outcome.DERIVED;
    }

    /** Hours × salary × (1 + overhead) of all meetings, null unless derived. */
    public BigDecimal staffSek() {
      return derived() ? sum(MeetingCost::staffSek) : null;
    }

    public BigDecimal hours() {
      return sum(MeetingCost::hours);
    }

    public BigDecimal travelSek() {
      return sum(MeetingCost::travelSek);
    }

    public BigDecimal lodgingSek() {
      return sum(MeetingCost::lodgingSek);
    }

    public BigDecimal perDiemSek() {
      return sum(MeetingCost::perDiemSek);
    }

    public BigDecimal electedFeesSek() {
      return sum(MeetingCost::electedFeesSek);
    }

    /** The year's other costs from its records, null unless derived (unknown is not zero). */
    public BigDecimal totalSek() {
      return derived() ? sum(MeetingCost::totalSek) : null;
    }

    /** The hourly cost with overhead the staff time was priced at, null without rates. */
    public BigDecimal hourlyCostSek() {
      return rates == null ? null : rates.hourlyCostSek();
    }

    /**
     * The same meetings priced at another year's rates: hours × that year's hourly cost plus the
     * same expenses, for a projection that carries a year of records forward. Null without rates
     * (an unknown cost carried is still unknown); hours and expenses are known without them.
     */
    public BigDecimal repricedAt(CostRatesRecorded other) {
      if (outcome == Outcome.NO_RECORDS || other == null) {
        return null;
      }
      return hours()
          .multiply(other.hourlyCostSek())
          .add(travelSek())
          .add(lodgingSek())
          .add(perDiemSek())
          .add(electedFeesSek());
    }

    /** The rule and the rates, in words, for an explanation. */
    public String rule() {
      String rule =
          "hours × hourly salary × (1 + payroll overhead) + travel + lodging + per diem + elected"
              + " representatives' fees, per meeting";
      if (rates == null) {
        return rule;
      }
      return rule
          + "; "
          + year
          + ": hourly salary "
          + plain(rates.hourlySalarySek())
          + " SEK, payroll overhead "
          + plain(rates.payrollOverheadPercent())
          + " % = "
          + plain(rates.hourlyCostSek())
          + " SEK an hour (source: "
          + rates.source()
          + ")";
    }

    private BigDecimal sum(java.util.function.Function<MeetingCost, BigDecimal> part) {
      BigDecimal total = BigDecimal.ZERO;
      for (MeetingCost meeting : meetings) {
        total = total.add(part.apply(meeting));
      }
      return total;
    }
  }

  /**
   * One meeting's share.
   *
   * @param staffSek hours × hourly cost, null without rates
   * @param totalSek staff time and expenses, null without rates
   */
  public record MeetingCost(
      String participationId,
      LocalDate meetingDate,
      Body body,
      MeetingMode mode,
      int attendance,
      BigDecimal hours,
      BigDecimal staffSek,
      BigDecimal travelSek,
      BigDecimal lodgingSek,
      BigDecimal perDiemSek,
      BigDecimal electedFeesSek,
      BigDecimal totalSek) {

    static MeetingCost of(ParticipationRecorded r, BigDecimal hourlyCost) {
      BigDecimal travel = orZero(r.travelSek());
      BigDecimal lodging = orZero(r.lodgingSek());
      BigDecimal perDiem = orZero(r.perDiemSek());
      BigDecimal fees = orZero(r.electedFeesSek());
      BigDecimal hours = orZero(r.hours());
      BigDecimal staff = hourlyCost == null ? null : hours.multiply(hourlyCost);
      BigDecimal total =
          staff == null ? null : staff.add(travel).add(lodging).add(perDiem).add(fees);
      return new MeetingCost(
          r.participationId(),
          r.meetingDate(),
          r.body(),
          r.mode(),
          r.attendance(),
          hours,
          staff,
          travel,
          lodging,
          perDiem,
          fees,
          total);
    }

    /** The meeting's line of an explanation, e.g. {@code 2023-03-14 KS PHYSICAL, 3 attended: …}. */
    public String describe() {
      String head =
          meetingDate
              + " "
              + body
              + (mode == null ? "" : " " + mode)
              + ", "
              + attendance
              + " attended: "
              + plain(hours)
              + " h";
      String staff = staffSek == null ? " (not priced)" : " = " + plain(staffSek) + " SEK";
      return head
          + staff
          + " + travel "
          + plain(travelSek)
          + " + lodging "
          + plain(lodgingSek)
          + " + per diem "
          + plain(perDiemSek)
          + " + elected fees "
          + plain(electedFeesSek)
          + (totalSek == null ? "" : " = " + plain(totalSek) + " SEK");
    }

    private static BigDecimal orZero(BigDecimal amount) {
      return amount == null ? BigDecimal.ZERO : amount;
    }
  }
}
