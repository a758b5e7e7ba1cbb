package org.forumledger.reporting.consumption;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.Optional;
import org.forumledger.reporting.history.ForumState;
import org.forumledger.reporting.store.StoredForum;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The forum states this consumer last committed, so that applying an event does not read and parse
 * the forum's row again. Only committed states enter; a state is trusted only as far as its
 * revision: the write it leads to is conditional on the row still having that revision.
 */
@Component
public class CommittedForums {

  private final Cache<String, StoredForum> forums;

  /**
   * Bounded by the facts the states hold, not by forums: at 10 000 forums with a long history, 20
   * 000 forums' states held a few hundred megabytes and filled a 384 MiB heap.
   */
  public CommittedForums(
      @Value("${ledger.reporting.consumer-cache-facts:100000}") long capacityInFacts) {
    this.forums =
        Caffeine.newBuilder()
            .maximumWeight(capacityInFacts)
            .<String, StoredForum>weigher((forumId, stored) -> facts(stored.state()))
            .build();
  }

  private static int facts(ForumState state) {
    return 1
        + state.fees().size()
        + state.otherCosts().size()
        + state.appointments().size()
        + state.headcounts().size()
        + state.participations().size();
  }

  Optional<StoredForum> find(String forumId) {
    return Optional.ofNullable(forums.getIfPresent(forumId));
  }

  /** After a commit: the states it wrote, unless a later revision is already here. */
  void committed(Map<String, StoredForum> written) {
    written.forEach(
        (forumId, stored) ->
            forums
                .asMap()
                .merge(
                    forumId,
                    stored,
                    (cached, fresh) -> fresh.revision() >= cached.revision() ? fresh : cached));
  }
}
