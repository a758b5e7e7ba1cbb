package org.forumledger.reporting.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.forumledger.reporting.history.ForumFold;
import org.forumledger.reporting.history.ForumState;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.history.Totals;
import org.forumledger.reporting.history.TotalsCalculator;
import org.forumledger.reporting.store.EventLog;
import org.forumledger.reporting.store.ForumViews;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry at a point in both times. The current slice reads the materialised view; any other
 * slice folds the event log with the same {@link ForumFold}. Each answer is read in one
 * repeatable-read transaction so its forums and its position belong together.
 */
@Service
public class RegistryQueries {

  private final EventLog log;
  private final ForumViews views;
  private final TransactionTemplate reads;

  public RegistryQueries(EventLog log, ForumViews views, PlatformTransactionManager transactions) {
    this.log = log;
    this.views = views;
    this.reads = new TransactionTemplate(transactions);
    reads.setReadOnly(true);
    reads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  public record Snapshot(long position, List<ForumState> forums) {}

  public Snapshot forums(TimeSlice slice) {
    return reads.execute(status -> snapshot(slice));
  }

  public Optional<ForumState> forum(String forumId, TimeSlice slice) {
    return reads.execute(
        status -> {
          if (slice.equals(TimeSlice.CURRENT)) {
            return views.find(forumId);
          }
          return Optional.ofNullable(ForumFold.fold(log.ofForum(forumId), slice).get(forumId));
        });
  }

  public Totals totals(int year, TimeSlice slice) {
    return reads.execute(
        status -> {
          Snapshot snapshot = snapshot(slice);
          return TotalsCalculator.totals(snapshot.forums(), year, snapshot.position());
        });
  }

  /** Forums as of two dates known at the same time, for the changes between them. */
  public Map<String, ForumState> asMap(TimeSlice slice) {
    return reads.execute(status -> ForumFold.fold(log.all(), slice));
  }

  private Snapshot snapshot(TimeSlice slice) {
    if (slice.equals(TimeSlice.CURRENT)) {
      return new Snapshot(log.position(), views.all());
    }
    long position = slice.knownAt() == null ? log.position() : log.positionKnownAt(slice.knownAt());
    return new Snapshot(position, List.copyOf(ForumFold.fold(log.all(), slice).values()));
  }
}
