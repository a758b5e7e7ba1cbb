package org.forumledger.cost.projection;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.forumledger.events.Body;
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.ParticipationRecorded;

/**
 * Everything the cost read model knows about one forum: the latest fact per key, each with the
 * event that produced it.
 *
 * @param registeredOn the effective date of ForumRegistered, null when the registry gave none
 * @param currentStatus the status of the latest ForumStatusChanged, null while none was recorded
 *     (active)
 * @param statusHistory every status change by effective date (the latest event per date)
 * @param participations the current record of each meeting, by date
 * @param rates the ledger's cost rates by year: not a fact of this forum, the same for every forum,
 *     carried here so that the rules price its meetings
 * @param decisions the current decision of each review on each unit's participation in this forum
 */
public record ForumFacts(
    String forumId,
    String inventoryReference,
    String name,
    String area,
    String convener,
    ForumKind kind,
    LocalDate registeredOn,
    StatusFact currentStatus,
    List<StatusFact> statusHistory,
    List<FeeFact> fees,
    List<OtherCostFact> otherCosts,
    List<Provenance> identity,
    List<ParticipationFact> participations,
    Map<Integer, RatesFact> rates,
    List<DecisionFact> decisions) {

  /** A forum no review has decided on. */
  public ForumFacts(
      String forumId,
      String inventoryReference,
      String name,
      String area,
      String convener,
      ForumKind kind,
      LocalDate registeredOn,
      StatusFact currentStatus,
      List<StatusFact> statusHistory,
      List<FeeFact> fees,
      List<OtherCostFact> otherCosts,
      List<Provenance> identity,
      List<ParticipationFact> participations,
      Map<Integer, RatesFact> rates) {
    this(
        forumId,
        inventoryReference,
        name,
        area,
        convener,
        kind,
        registeredOn,
        currentStatus,
        statusHistory,
        fees,
        otherCosts,
        identity,
        participations,
        rates,
        List.of());
  }

  /** A forum without participation records and without cost rates. */
  public ForumFacts(
      String forumId,
      String inventoryReference,
      String name,
      String area,
      String convener,
      ForumKind kind,
      LocalDate registeredOn,
      StatusFact currentStatus,
      List<StatusFact> statusHistory,
      List<FeeFact> fees,
      List<OtherCostFact> otherCosts,
      List<Provenance> identity) {
    this(
        forumId,
        inventoryReference,
        name,
        area,
        convener,
        kind,
        registeredOn,
        currentStatus,
        statusHistory,
        fees,
        otherCosts,
        identity,
        List.of(),
        Map.of());
  }

  public ForumFacts {
    statusHistory =
        statusHistory == null
            ? List.of()
            : statusHistory.stream()
                .sorted(Comparator.comparing(StatusFact::effectiveFrom))
                .toList();
    fees =
        fees == null
            ? List.of()
            : fees.stream().sorted(Comparator.comparingInt(FeeFact::fromYear)).toList();
    otherCosts =
        otherCosts == null
            ? List.of()
            : otherCosts.stream().sorted(Comparator.comparingInt(OtherCostFact::year)).toList();
    identity = identity == null ? List.of() : List.copyOf(identity);
    participations =
        participations == null
            ? List.of()
            : participations.stream()
                .sorted(
                    Comparator.comparing((ParticipationFact p) -> p.record().meetingDate())
                        .thenComparing(p -> p.record().participationId()))
                .toList();
    rates = rates == null ? Map.of() : Map.copyOf(rates);
    decisions =
        decisions == null
            ? List.of()
            : decisions.stream()
                .sorted(Comparator.comparingLong(d -> d.source().globalPosition()))
                .toList();
  }

  /** The same forum as if the review {@code reviewId} had decided nothing. */
  public ForumFacts withoutReview(String reviewId) {
    return new ForumFacts(
        forumId,
        inventoryReference,
        name,
        area,
        convener,
        kind,
        registeredOn,
        currentStatus,
        statusHistory,
        fees,
        otherCosts,
        identity,
        participations,
        rates,
        decisions.stream().filter(d -> !d.reviewId().equals(reviewId)).toList());
  }

  /**
   * The decision in force on each unit's participation: of every review's current decision on it,
   * the one recorded last (a later decision on the same participation replaces the earlier).
   */
  public List<DecisionFact> decisionsInForce() {
    Map<Body, DecisionFact> latest = new TreeMap<>(Comparator.comparing(Body::code));
    decisions.forEach(d -> latest.put(d.body(), d));
    return List.copyOf(latest.values());
  }

  /**
   * The decision by which the city has left the forum by the start of {@code year} (its 1 January
   * on or after the leave date, no unit remaining), the earliest such exit when there are several.
   */
  public Optional<DecisionFact> cityExitBy(int year) {
    return decisionsInForce().stream()
        .filter(d -> d.cityGoneBy(year))
        .min(Comparator.comparing(DecisionFact::leaveFrom));
  }

  /**
   * The decisions in force by which a unit leaves the forum on or before 31 December of {@code
   * year}.
   */
  public List<DecisionFact> leavingBy(int year) {
    LocalDate end = LocalDate.of(year, 12, 31);
    return decisionsInForce().stream()
        .filter(d -> d.leaves() && !d.leaveFrom().isAfter(end))
        .toList();
  }

  /**
   * The decision by which the unit of {@code meeting} no longer takes part on the meeting's day
   * moved into {@code year} (the day itself for a meeting of that year), empty while it still does.
   */
  public Optional<DecisionFact> exitOf(ParticipationRecorded meeting, int year) {
    LocalDate day = meeting.meetingDate().withYear(year);
    return decisionsInForce().stream()
        .filter(d -> d.leaves() && d.body().equals(meeting.body()) && !day.isBefore(d.leaveFrom()))
        .findFirst();
  }

  /** The meetings recorded in {@code year}. */
  public List<ParticipationFact> participations(int year) {
    return participations.stream().filter(p -> p.year() == year).toList();
  }

  /** The cost rates recorded for {@code year}. */
  public Optional<RatesFact> ratesOf(int year) {
    return Optional.ofNullable(rates.get(year));
  }

  /**
   * Every year a fact of this forum names: fee ranges, other-cost and meeting years, the
   * registration.
   */
  public IntStream factYears() {
    return IntStream.concat(
        IntStream.concat(
            fees.stream()
                .flatMapToInt(
                    f ->
                        f.toYear() == null
                            ? IntStream.of(f.fromYear())
                            : IntStream.of(f.fromYear(), f.toYear())),
            IntStream.concat(
                otherCosts.stream().mapToInt(OtherCostFact::year),
                participations.stream().mapToInt(ParticipationFact::year))),
        registeredOn == null ? IntStream.empty() : IntStream.of(registeredOn.getYear()));
  }

  /**
   * The fee that applies in {@code year}: of the fees whose range covers the year, the one with the
   * greatest {@code fromYear}.
   */
  public Optional<FeeFact> applicableFee(int year) {
    return fees.stream().filter(fee -> fee.covers(year)).reduce((a, b) -> b);
  }

  public Optional<OtherCostFact> otherCost(int year) {
    return otherCosts.stream().filter(cost -> cost.year() == year).findFirst();
  }

  /**
   * The status in effect on 1 January of {@code year}; a forum with no recorded change is active.
   */
  public Optional<StatusFact> statusOn(LocalDate day) {
    return statusHistory.stream().filter(s -> !s.effectiveFrom().isAfter(day)).reduce((a, b) -> b);
  }

  public ForumStatus statusAtStartOf(int year) {
    return statusOn(LocalDate.of(year, 1, 1)).map(StatusFact::status).orElse(ForumStatus.ACTIVE);
  }

  /**
   * Counted among a year's forums: registered on or before 31 December and not ended (by its
   * current status) on or before 1 January. Paused and inactive forums still count.
   */
  public boolean countedIn(int year) {
    boolean registered = registeredOn == null || !registeredOn.isAfter(LocalDate.of(year, 12, 31));
    return registered && !endedBy(LocalDate.of(year, 1, 1));
  }

  /**
   * Ended on or before {@code day} by its latest status change, as the registry and reporting
   * decide it: a reopened forum (a status change after ENDED, a correction of a mistaken end) is
   * not ended, whatever the effective dates of the end and the reopening.
   */
  public boolean endedBy(LocalDate day) {
    return currentStatus != null
        && currentStatus.status() == ForumStatus.ENDED
        && currentStatus.effectiveFrom() != null
        && !currentStatus.effectiveFrom().isAfter(day);
  }
}
