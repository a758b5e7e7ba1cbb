package org.forumledger.web.forums;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One forum as the reporting service tells it, at the page's times. */
public record Forum(
    String forumId,
    String inventoryReference,
    String name,
    String purpose,
    String area,
    String subarea,
    String kind,
    String collaborationType,
    String convener,
    String scope,
    Range meetingsPerYear,
    String meetingMode,
    LocalDate registeredFrom,
    String status,
    LocalDate statusEffectiveFrom,
    List<Fee> fees,
    List<OtherCost> otherCosts,
    List<Appointment> appointments,
    List<Headcount> headcounts,
    List<Meeting> participations,
    long lastSequence) {

  public static final String REPORTED_UNDER = "REPORTED_UNDER";

  public Forum {
    fees = fees == null ? List.of() : List.copyOf(fees);
    otherCosts = otherCosts == null ? List.of() : List.copyOf(otherCosts);
    appointments = appointments == null ? List.of() : List.copyOf(appointments);
    headcounts = headcounts == null ? List.of() : List.copyOf(headcounts);
    participations = participations == null ? List.of() : List.copyOf(participations);
  }

  /**
   * A meeting taken part in, by its latest record (reporting leaves withdrawn ones out).
   *
   * @param hours of all who attended together, preparation included
   */
  public record Meeting(
      String participationId,
      String body,
      LocalDate meetingDate,
      Integer attendeeCount,
      List<String> appointmentIds,
      BigDecimal hours,
      BigDecimal travelSek,
      BigDecimal lodgingSek,
      BigDecimal perDiemSek,
      BigDecimal electedFeesSek,
      String mode,
      boolean correction) {

    /** How many attended: the count, else the named appointments. */
    public int attendance() {
      return attendeeCount != null
          ? attendeeCount
          : appointmentIds == null ? 0 : appointmentIds.size();
    }

    /** Travel, lodging, per diem and fees together. */
    public BigDecimal expensesSek() {
      BigDecimal total = BigDecimal.ZERO;
      for (BigDecimal part : new BigDecimal[] {travelSek, lodgingSek, perDiemSek, electedFeesSek}) {
        total = part == null ? total : total.add(part);
      }
      return total;
    }
  }

  /** The years with meetings recorded, latest first. */
  public List<Integer> meetingYears() {
    return participations.stream()
        .map(m -> m.meetingDate().getYear())
        .distinct()
        .sorted(Comparator.reverseOrder())
        .toList();
  }

  public record Range(int min, int max) {
    @Override
    public String toString() {
      return min == max ? Integer.toString(min) : min + "–" + max;
    }
  }

  public record Fee(
      int fromYear,
      Integer toYear,
      String status,
      BigDecimal amountSek,
      String currency,
      BigDecimal originalAmount,
      BigDecimal exchangeRate,
      String exchangeRateSource,
      String basis,
      String reportedUnder) {

    /** The rate is the quotient of the SEK and original amounts; nobody stated it. */
    public boolean rateImplied() {
      return "IMPLIED".equals(exchangeRateSource);
    }

    public boolean covers(int year) {
      return fromYear <= year && (toYear == null || toYear >= year);
    }

    public boolean reportedElsewhere() {
      return REPORTED_UNDER.equals(status);
    }
  }

  public record OtherCost(
      int year, String status, List<Line> lines, BigDecimal totalSek, String reportedUnder) {

    public boolean reportedElsewhere() {
      return REPORTED_UNDER.equals(status);
    }
  }

  public record Line(
      String category, BigDecimal amountSek, BigDecimal hours, BigDecimal hourlyCostSek) {}

  public record Appointment(
      String appointmentId,
      String personName,
      String body,
      String role,
      LocalDate validFrom,
      LocalDate validTo,
      LocalDate endedOn) {}

  public record Headcount(int year, String body, Range headcount, String asWritten) {}

  /** The fee that covers {@code year}: of those whose years include it, the latest to start. */
  public Optional<Fee> feeFor(int year) {
    return fees.stream()
        .filter(fee -> fee.covers(year))
        .max(Comparator.comparingInt(Fee::fromYear));
  }

  public Optional<OtherCost> otherCostFor(int year) {
    return otherCosts.stream().filter(cost -> cost.year() == year).findFirst();
  }

  public List<Fee> feesByYear() {
    return fees.stream().sorted(Comparator.comparingInt(Fee::fromYear)).toList();
  }

  public List<OtherCost> otherCostsByYear() {
    return otherCosts.stream().sorted(Comparator.comparingInt(OtherCost::year)).toList();
  }

  public List<Headcount> headcountsByYear() {
    return headcounts.stream()
        .sorted(Comparator.comparingInt(Headcount::year).thenComparing(Headcount::body))
        .toList();
  }
}
