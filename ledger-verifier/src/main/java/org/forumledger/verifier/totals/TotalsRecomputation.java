package org.forumledger.verifier.totals;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.AnnualFeeWithdrawn;
import org.forumledger.events.CostRatesRecorded;
import org.forumledger.events.CostStatus;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.ForumStatusChanged;
import org.forumledger.events.LedgerEvent;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.events.OtherCostWithdrawn;
import org.forumledger.events.ParticipationCost;
import org.forumledger.events.ParticipationRecorded;
import org.forumledger.events.ParticipationWithdrawn;

/**
 * The yearly totals from the events alone, in the order of the chain, by the rules the reporting
 * service states (written again here, so that an auditor's figures do not come from the code they
 * check): a forum exists from its registration and events before it are of no forum; it counts in a
 * year when registered by the year's end and not ended by its first day; the fee is the one that
 * covers the year; only amounts are summed, NOT_CALCULATED is counted, REPORTED_UNDER and NONE add
 * nothing. A fee or other cost of a forum that does not count that year still adds to the sums.
 *
 * <p>A forum-year with recorded meetings takes its other cost from them by the one shared rule,
 * {@link ParticipationCost} (the same the cost and reporting services use, so the figures agree by
 * construction; what is checked is that the history holds the meetings and rates they were priced
 * from): the derived figure, or not calculated when the year has no cost rates.
 */
public final class TotalsRecomputation {

  private final Map<String, ForumRecord> forums = new HashMap<>();
  private final Map<Integer, CostRatesRecorded> ratesByYear = new HashMap<>();
  private final SortedSet<Integer> namedYears = new TreeSet<>();

  public void apply(EventEnvelope envelope) {
    LedgerEvent event = envelope.payload();
    String forumId = envelope.metadata().forumId();
    nameYears(event);
    if (event instanceof CostRatesRecorded rates) {
      // a year's rates are their own stream, not a forum; a later record replaces the earlier
      ratesByYear.put(rates.year(), rates);
      return;
    }
    if (event instanceof ForumRegistered) {
      forums.put(forumId, ForumRecord.registered(envelope.metadata().effectiveDate()));
      return;
    }
    ForumRecord forum = forums.get(forumId);
    if (forum == null) {
      return;
    }
    ForumRecord next = forum;
    if (event instanceof ForumStatusChanged changed) {
      next = forum.withStatus(changed.status(), changed.effectiveFrom());
    } else if (event instanceof AnnualFeeSet fee) {
      next = forum.withFee(fee);
    } else if (event instanceof AnnualFeeWithdrawn withdrawn) {
      next = forum.withoutFee(withdrawn.fromYear());
    } else if (event instanceof OtherCostRecorded cost) {
      next = forum.withOtherCost(cost);
    } else if (event instanceof OtherCostWithdrawn withdrawn) {
      next = forum.withoutOtherCost(withdrawn.year());
    } else if (event instanceof ParticipationRecorded meeting) {
      next = forum.withMeeting(meeting);
    } else if (event instanceof ParticipationWithdrawn withdrawn) {
      next = forum.withoutMeeting(withdrawn.participationId());
    }
    forums.put(forumId, next);
  }

  private void nameYears(LedgerEvent event) {
    if (event instanceof AnnualFeeSet fee) {
      int last = fee.toYear() == null ? fee.fromYear() : fee.toYear();
      for (int year = fee.fromYear(); year <= last; year++) {
        namedYears.add(year);
      }
    } else if (event instanceof AnnualFeeWithdrawn withdrawn) {
      namedYears.add(withdrawn.fromYear());
    } else if (event instanceof OtherCostRecorded cost) {
      namedYears.add(cost.year());
    } else if (event instanceof OtherCostWithdrawn withdrawn) {
      namedYears.add(withdrawn.year());
    } else if (event instanceof ParticipationRecorded meeting) {
      namedYears.add(meeting.year());
    }
  }

  /** Every year a fee (from its first to its last year), an other cost or a meeting names. */
  public SortedSet<Integer> namedYears() {
    return new TreeSet<>(namedYears);
  }

  public YearTotals totalsFor(int year) {
    return totalsFor(year, forums.values(), ratesByYear.get(year));
  }

  private static YearTotals totalsFor(
      int year, Collection<ForumRecord> forums, CostRatesRecorded rates) {
    int counted = 0;
    int notCalculated = 0;
    int reportedElsewhere = 0;
    int feePaying = 0;
    BigDecimal fees = BigDecimal.ZERO;
    BigDecimal otherCosts = BigDecimal.ZERO;
    for (ForumRecord forum : forums) {
      if (forum.takesPartIn(year)) {
        counted++;
      }
      Optional<AnnualFeeSet> fee = forum.feeIn(year);
      Optional<OtherCostRecorded> cost = forum.otherCostIn(year);
      Optional<BigDecimal> feeAmount =
          fee.filter(f -> f.status() == CostStatus.AMOUNT).map(AnnualFeeSet::amountSek);
      ParticipationCost.Derivation derived =
          ParticipationCost.derive(year, forum.meetings(), rates);
      boolean onRecords = derived.outcome() != ParticipationCost.Outcome.NO_RECORDS;
      if (onRecords) {
        // meetings in the year replace the estimate: derived, or not calculated without rates
        cost = Optional.empty();
      }
      Optional<BigDecimal> costAmount =
          onRecords
              ? Optional.ofNullable(derived.totalSek())
              : cost.filter(c -> c.status() == CostStatus.AMOUNT).map(OtherCostRecorded::totalSek);
      fees = fees.add(feeAmount.orElse(BigDecimal.ZERO));
      otherCosts = otherCosts.add(costAmount.orElse(BigDecimal.ZERO));
      if (feeAmount.filter(amount -> amount.signum() > 0).isPresent()) {
        feePaying++;
      }
      if (is(fee.map(AnnualFeeSet::status), CostStatus.NOT_CALCULATED)
          || is(cost.map(OtherCostRecorded::status), CostStatus.NOT_CALCULATED)
          || derived.outcome() == ParticipationCost.Outcome.NO_RATES) {
        notCalculated++;
      }
      if (is(fee.map(AnnualFeeSet::status), CostStatus.REPORTED_UNDER)
          || is(cost.map(OtherCostRecorded::status), CostStatus.REPORTED_UNDER)) {
        reportedElsewhere++;
      }
    }
    return new YearTotals(
        year, counted, plain(fees), plain(otherCosts), notCalculated, reportedElsewhere, feePaying);
  }

  private static boolean is(Optional<CostStatus> status, CostStatus expected) {
    return status.filter(s -> s == expected).isPresent();
  }

  private static BigDecimal plain(BigDecimal sum) {
    return sum.scale() < 0 ? sum.setScale(0) : sum;
  }
}
