package org.forumledger.reporting.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Map;
import org.forumledger.events.ForumEventType;
import org.forumledger.reporting.city.City;
import org.forumledger.reporting.city.CityFold;
import org.forumledger.reporting.history.ForumState;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.store.EventLog;
import org.forumledger.reporting.store.ReadModelMark;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The units, goals, reviews and who takes part in which forum, at a point in both times, with the
 * forums of the same slice: folded by {@link CityFold} from the event log's facts of those kinds
 * only (an index by type), in one repeatable-read transaction, and kept per slice and revision of
 * the read model, so an answer at a revision never changes.
 */
@Service
public class CityQueries {

  private static final List<String> TYPES =
      CityFold.TYPES.stream().map(ForumEventType::logicalName).sorted().toList();

  /** The city and the forums of one slice, and the position they reflect. */
  public record CityAt(long position, City city, Map<String, ForumState> forums) {}

  private record Key(TimeSlice slice, long revision) {}

  private final EventLog log;
  private final RegistryQueries registry;
  private final TransactionTemplate repeatableReads;
  private final Cache<Key, CityAt> answers = Caffeine.newBuilder().maximumSize(32).build();

  CityQueries(EventLog log, RegistryQueries registry, RepeatableReads repeatableReads) {
    this.log = log;
    this.registry = registry;
    this.repeatableReads = repeatableReads.template();
  }

  public CityAt at(TimeSlice slice) {
    CityAt known = answers.getIfPresent(new Key(slice, log.mark().revision()));
    if (known != null) {
      return known;
    }
    return repeatableReads.execute(
        status -> {
          ReadModelMark mark = log.mark();
          CityFold fold = new CityFold();
          log.forEachOfTypes(slice, TYPES, event -> fold.apply(event.envelope()));
          Map<String, ForumState> forums = registry.asMap(slice);
          long position =
              slice.knownAt() == null ? mark.position() : log.positionKnownAt(slice.knownAt());
          CityAt answer = new CityAt(position, fold.city(), forums);
          answers.put(new Key(slice, mark.revision()), answer);
          return answer;
        });
  }
}
