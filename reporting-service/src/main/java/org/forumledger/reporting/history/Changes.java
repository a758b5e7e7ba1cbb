package org.forumledger.reporting.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.Body;
import org.forumledger.events.CostStatus;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.Role;

/**
 * What changed between two dates: forums that joined or left, forums that joined and left in
 * between (in neither list, since they take part on neither date), forums reopened in between (an
 * end undone by a later status change, with the reason and decision of both), fees whose applicable
 * value differs between the two dates' years, and appointments that began or ended in between.
 */
public record Changes(
    LocalDate from,
    LocalDate to,
    List<ForumRef> joined,
    List<ForumRef> left,
    List<ForumRef> joinedAndLeft,
    List<Reopening> reopened,
    List<FeeChange> feesChanged,
    List<AppointmentChange> appointed,
    List<AppointmentChange> ended) {

  public record ForumRef(String forumId, String inventoryReference, String name, String area) {}

  /**
   * A status change as the audit history keeps it, in recording order.
   *
   * @param effectiveFrom the day the status takes effect
   */
  public record StatusStep(
      String forumId,
      ForumStatus status,
      LocalDate effectiveFrom,
      Instant recordedAt,
      String actor,
      String reason,
      String decisionReference) {}

  /** A forum whose end ({@code ended}) was undone by {@code reopening}, effective in between. */
  public record Reopening(ForumRef forum, StatusStep ended, StatusStep reopening) {}

  public record Fee(int year, CostStatus status, BigDecimal amountSek) {}

  public record FeeChange(ForumRef forum, Fee before, Fee after) {}

  public record AppointmentChange(
      ForumRef forum,
      String appointmentId,
      String personName,
      Body body,
      Role role,
      LocalDate on) {}

  /**
   * @param atFrom the forums as of {@code from}
   * @param atTo the forums as of {@code to} (which know every appointment begun or ended by then)
   */
  public static Changes between(
      LocalDate from, LocalDate to, Map<String, ForumState> atFrom, Map<String, ForumState> atTo) {
    return between(from, to, atFrom, atTo, List.of());
  }

  /**
   * @param statusSteps every status change known, in recording order (any forum)
   */
  public static Changes between(
      LocalDate from,
      LocalDate to,
      Map<String, ForumState> atFrom,
      Map<String, ForumState> atTo,
      List<StatusStep> statusSteps) {
    List<ForumRef> joined = new ArrayList<>();
    List<ForumRef> joinedAndLeft = new ArrayList<>();
    List<ForumRef> left = new ArrayList<>();
    List<FeeChange> fees = new ArrayList<>();
    List<AppointmentChange> appointed = new ArrayList<>();
    List<AppointmentChange> ended = new ArrayList<>();
    for (ForumState after : atTo.values()) {
      ForumState before = atFrom.get(after.forumId());
      ForumRef ref = ref(after);
      boolean wasIn = before != null && before.participatesOn(from);
      boolean isIn = after.participatesOn(to);
      if (isIn && !wasIn) {
        joined.add(ref);
      } else if (wasIn && !isIn) {
        left.add(ref);
      } else if (!wasIn && !isIn && joinedBetween(after, from, to)) {
        joinedAndLeft.add(ref);
      }
      Fee feeBefore = before == null ? null : fee(before, from.getYear());
      Fee feeAfter = fee(after, to.getYear());
      if (!sameFee(feeBefore, feeAfter)) {
        fees.add(new FeeChange(ref, feeBefore, feeAfter));
      }
      for (Appointment a : after.appointments()) {
        if (a.validFrom() != null && a.validFrom().isAfter(from) && !a.validFrom().isAfter(to)) {
          appointed.add(change(ref, a, a.validFrom()));
        }
        LocalDate last = a.lastDay();
        if (last != null && !last.isBefore(from) && last.isBefore(to)) {
          ended.add(change(ref, a, last));
        }
      }
    }
    for (ForumState before : atFrom.values()) {
      if (!atTo.containsKey(before.forumId()) && before.participatesOn(from)) {
        left.add(ref(before));
      }
    }
    List<Reopening> reopened = reopenings(from, to, atTo, statusSteps);
    Comparator<ForumRef> order =
        Comparator.comparing(ForumRef::inventoryReference, InventoryReference.ORDER);
    joined.sort(order);
    left.sort(order);
    joinedAndLeft.sort(order);
    fees.sort(Comparator.comparing(FeeChange::forum, order));
    appointed.sort(Comparator.comparing(AppointmentChange::on));
    ended.sort(Comparator.comparing(AppointmentChange::on));
    return new Changes(from, to, joined, left, joinedAndLeft, reopened, fees, appointed, ended);
  }

  /** Registered after {@code from}, by {@code to}, and no longer taking part on {@code to}. */
  private static boolean joinedBetween(ForumState forum, LocalDate from, LocalDate to) {
    LocalDate registered = forum.registeredFrom();
    return registered != null && registered.isAfter(from) && !registered.isAfter(to);
  }

  /**
   * Each status change that follows an ENDED one of the same forum in recording order and takes
   * effect after {@code from} and by {@code to}: the registry's reopening of an ended forum.
   */
  private static List<Reopening> reopenings(
      LocalDate from, LocalDate to, Map<String, ForumState> atTo, List<StatusStep> steps) {
    Map<String, StatusStep> lastEnd = new HashMap<>();
    List<Reopening> reopened = new ArrayList<>();
    for (StatusStep step : steps) {
      if (step.status() == ForumStatus.ENDED) {
        lastEnd.put(step.forumId(), step);
        continue;
      }
      StatusStep end = lastEnd.remove(step.forumId());
      ForumState forum = atTo.get(step.forumId());
      boolean inBetween =
          step.effectiveFrom() != null
              && step.effectiveFrom().isAfter(from)
              && !step.effectiveFrom().isAfter(to);
      if (end != null && forum != null && inBetween) {
        reopened.add(new Reopening(ref(forum), end, step));
      }
    }
    reopened.sort(Comparator.comparing(r -> r.reopening().effectiveFrom()));
    return reopened;
  }

  private static ForumRef ref(ForumState forum) {
    ForumRegistered details = forum.details();
    return new ForumRef(
        details.forumId(), details.inventoryReference(), details.name(), details.area());
  }

  private static Fee fee(ForumState forum, int year) {
    AnnualFeeSet fee = forum.feeFor(year).orElse(null);
    return fee == null ? null : new Fee(year, fee.status(), fee.amountSek());
  }

  private static boolean sameFee(Fee a, Fee b) {
    if (a == null || b == null) {
      return a == b;
    }
    boolean sameAmount =
        a.amountSek() == null
            ? b.amountSek() == null
            : b.amountSek() != null && a.amountSek().compareTo(b.amountSek()) == 0;
    return Objects.equals(a.status(), b.status()) && sameAmount;
  }

  private static AppointmentChange change(ForumRef ref, Appointment a, LocalDate on) {
    return new AppointmentChange(ref, a.appointmentId(), a.personName(), a.body(), a.role(), on);
  }
}
