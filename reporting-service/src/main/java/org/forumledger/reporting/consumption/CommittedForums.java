package org.forumledger.reporting.consumption;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.Optional;
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

  public CommittedForums(@Value("${ledger.reporting.consumer-cache-forums:20000}") long capacity) {
    this.forums = Caffeine.newBuilder().maximumSize(capacity).build();
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
