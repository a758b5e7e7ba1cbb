package org.forumledger.kit.consumer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.forumledger.events.EventMetadata;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@link HandledEvents.Batch} of a service that keeps its handled events in an {@code
 * applied_event (event_id text primary key, ...)} table of its own schema: the expected events
 * looked up in one query when the batch begins, the new ones held back and written by {@link
 * #insert} in one statement when it finishes. An event the lookup did not expect is looked up
 * alone. When fewer rows are written than were held back, another consumer instance handled some of
 * them meanwhile (the insert waits for its commit and then skips them): {@link #finish} throws, so
 * the batch's transaction rolls back and nothing is applied twice.
 */
public abstract class NewEventsBatch implements HandledEvents.Batch {

  /** An event this batch took for new, and whether it was skipped as of an unknown type. */
  public record New(EventMetadata metadata, boolean skipped) {}

  private final JdbcTemplate jdbc;
  private final Set<String> looked = new HashSet<>();
  private final Set<String> handledBefore;
  private final Map<String, New> held = new LinkedHashMap<>();

  protected NewEventsBatch(JdbcTemplate jdbc, List<EventMetadata> expected) {
    this.jdbc = jdbc;
    for (EventMetadata m : expected) {
      looked.add(m.eventId());
    }
    this.handledBefore = handledAmong(jdbc, looked);
  }

  /** Whether the lookup found {@code eventId} handled before this batch. */
  public boolean handledBefore(String eventId) {
    return handledBefore.contains(eventId);
  }

  @Override
  public boolean remember(EventMetadata m, boolean skipped) {
    String id = m.eventId();
    if (held.containsKey(id) || handledBefore.contains(id)) {
      return false;
    }
    if (!looked.contains(id) && !handledAmong(jdbc, Set.of(id)).isEmpty()) {
      return false;
    }
    held.put(id, new New(m, skipped));
    return true;
  }

  @Override
  public void finish() {
    if (held.isEmpty()) {
      return;
    }
    int inserted = insert(List.copyOf(held.values()));
    if (inserted != held.size()) {
      throw new IllegalStateException(
          (held.size() - inserted)
              + " of "
              + held.size()
              + " events of this batch were handled meanwhile by another consumer; the batch is"
              + " rolled back and decided again");
    }
  }

  /**
   * Writes the batch's new events, in order, in the caller's transaction, skipping those already
   * there ({@code on conflict (event_id) do nothing}); returns how many it wrote.
   */
  protected abstract int insert(List<New> events);

  /** Those of {@code eventIds} in the {@code applied_event} table, in one query. */
  public static Set<String> handledAmong(JdbcTemplate jdbc, Collection<String> eventIds) {
    if (eventIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.execute(
            (ConnectionCallback<List<String>>)
                connection -> {
                  try (PreparedStatement select =
                      connection.prepareStatement(
                          "select event_id from applied_event where event_id = any(?)")) {
                    select.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
                    List<String> found = new ArrayList<>();
                    try (ResultSet rs = select.executeQuery()) {
                      while (rs.next()) {
                        found.add(rs.getString(1));
                      }
                    }
                    return found;
                  }
                }));
  }
}
