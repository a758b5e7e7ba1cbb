package org.forumledger.reporting.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.forumledger.events.CostRatesRecorded;
import org.forumledger.events.EventEnvelope;
import org.forumledger.reporting.history.Attendance;
import org.forumledger.reporting.history.ForumFold;
import org.forumledger.reporting.history.ForumState;
import org.forumledger.reporting.history.InventoryReference;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.history.Totals;
import org.forumledger.reporting.history.TotalsCalculator;
import org.forumledger.reporting.store.EventLog;
import org.forumledger.reporting.store.ReadModelMark;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry at a point in both times. The current slice is the committed view kept in memory
 * ({@link CurrentView}); any other slice is folded from the event log with the same {@link
 * ForumFold} ({@link SliceFolds}). Every answer is computed at one mark of the read model, so its
 * forums and its position belong together, and is kept for that mark: an answer at a mark never
 * changes.
 */
@Service
public class RegistryQueries {

  private final EventLog log;
  private final CurrentView current;
  private final SliceFolds slices;
  private final TransactionTemplate repeatableReads;
  private final Cache<Object, Object> answers = Caffeine.newBuilder().maximumSize(256).build();

  RegistryQueries(
      EventLog log, CurrentView current, SliceFolds slices, RepeatableReads repeatableReads) {
    this.log = log;
    this.current = current;
    this.slices = slices;
    this.repeatableReads = repeatableReads.template();
  }

  /** The forums of a slice in forum-id order, and the position they reflect. */
  public record Snapshot(long position, List<ForumState> forums) {}

  /** A slice at one mark: its forums by id, and listed in forum-id order when asked. */
  private record At(
      ReadModelMark mark, Map<String, ForumState> byId, Supplier<List<ForumState>> listed) {}

  private record TotalsAnswer(int year, TimeSlice slice, ReadModelMark mark) {}

  private record AttendanceAnswer(int year, TimeSlice slice, ReadModelMark mark) {}

  private record RatesAnswer(int year, TimeSlice slice, ReadModelMark mark) {}

  private record ByForumId(TimeSlice slice, ReadModelMark mark) {}

  private record ByReference(TimeSlice slice, ReadModelMark mark) {}

  public Snapshot forums(TimeSlice slice) {
    At at = at(slice);
    return new Snapshot(at.mark().position(), at.listed().get());
  }

  /** The forums of a slice in the report's order of inventory references. */
  public Snapshot forumsByReference(TimeSlice slice) {
    At at = at(slice);
    List<ForumState> sorted =
        answer(
            new ByReference(slice, at.mark()),
            () ->
                at.listed().get().stream()
                    .sorted(
                        Comparator.comparing(
                            (ForumState forum) -> forum.details().inventoryReference(),
                            InventoryReference.ORDER))
                    .toList());
    return new Snapshot(at.mark().position(), sorted);
  }

  public Optional<ForumState> forum(String forumId, TimeSlice slice) {
    if (slice.equals(TimeSlice.CURRENT)) {
      return Optional.ofNullable(current.now().byId().get(forumId));
    }
    SliceFolds.Folded cached = slices.cachedAt(slice, log.mark());
    if (cached != null) {
      return Optional.ofNullable(cached.forums().get(forumId));
    }
    return repeatableReads.execute(
        status -> Optional.ofNullable(ForumFold.fold(log.ofForum(forumId), slice).get(forumId)));
  }

  public Totals totals(int year, TimeSlice slice) {
    At at = at(slice);
    return answer(
        new TotalsAnswer(year, slice, at.mark()),
        () ->
            TotalsCalculator.totals(
                at.listed().get(), year, at.mark().position(), ratesAt(year, slice, at.mark())));
  }

  /** Attendance in a year from the recorded meetings of the slice. */
  public Attendance attendance(int year, TimeSlice slice) {
    At at = at(slice);
    return answer(
        new AttendanceAnswer(year, slice, at.mark()),
        () -> Attendance.of(at.listed().get(), year, at.mark().position()));
  }

  /** The year's cost rates in the slice (the latest record of its stream), null when none. */
  public CostRatesRecorded rates(int year, TimeSlice slice) {
    return ratesAt(year, slice, at(slice).mark());
  }

  /**
   * The rates as of the mark: a year's rates are their own stream ({@code cost-rates-YEAR}), not a
   * forum, so they are read from the log, a handful of events, rather than from the forum view.
   */
  private CostRatesRecorded ratesAt(int year, TimeSlice slice, ReadModelMark mark) {
    Optional<CostRatesRecorded> rates =
        answer(
            new RatesAnswer(year, slice, mark),
            () -> {
              CostRatesRecorded latest = null;
              for (EventEnvelope e : log.ofForum(CostRatesRecorded.streamIdOf(year))) {
                if (e.payload() instanceof CostRatesRecorded r
                    && r.year() == year
                    && e.metadata().globalPosition() <= mark.position()
                    && slice.includes(e)) {
                  latest = r;
                }
              }
              return Optional.ofNullable(latest);
            });
    return rates.orElse(null);
  }

  /** Forums as of two dates known at the same time, for the changes between them. */
  public Map<String, ForumState> asMap(TimeSlice slice) {
    return at(slice).byId();
  }

  private At at(TimeSlice slice) {
    if (slice.equals(TimeSlice.CURRENT)) {
      CurrentView.View view = current.now();
      return new At(view.mark(), view.byId(), view::forums);
    }
    SliceFolds.Folded cached = slices.cachedAt(slice, log.mark());
    SliceFolds.Folded folded =
        cached != null ? cached : repeatableReads.execute(status -> slices.at(slice, log.mark()));
    ReadModelMark mark = new ReadModelMark(folded.position(), folded.revision());
    return new At(
        mark,
        folded.forums(),
        () -> answer(new ByForumId(slice, mark), () -> byForumId(folded.forums())));
  }

  private static List<ForumState> byForumId(Map<String, ForumState> forums) {
    return forums.values().stream().sorted(Comparator.comparing(ForumState::forumId)).toList();
  }

  /** The answer kept for the question, else computed (outside the cache's lock) and kept. */
  @SuppressWarnings("unchecked")
  private <T> T answer(Object question, Supplier<T> compute) {
    Object known = answers.getIfPresent(question);
    if (known != null) {
      return (T) known;
    }
    T computed = compute.get();
    answers.put(question, computed);
    return computed;
  }
}
