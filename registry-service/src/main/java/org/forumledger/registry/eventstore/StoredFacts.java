package org.forumledger.registry.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.forumledger.events.Body;
import org.forumledger.events.CouncilGoalRegistered;
import org.forumledger.events.CouncilGoalRevised;
import org.forumledger.events.ForumEvent;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.GoalEvent;
import org.forumledger.events.UnitEvent;
import org.forumledger.events.UnitRegistered;
import org.forumledger.events.UnitRevised;
import org.forumledger.registry.goal.Goals;
import org.forumledger.registry.review.ForumHistories;
import org.forumledger.registry.unit.Units;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The units, goals and forum histories the aggregates' rules ask for, read from the event store in
 * the caller's transaction (Axon gives this bean to a command handler that names one of its
 * interfaces), so a rule sees exactly what is stored, the write's own transaction included.
 */
@Component
public class StoredFacts implements Units, Goals, ForumHistories {

  private final EventStore eventStore;
  private final JdbcTemplate jdbc;

  public StoredFacts(EventStore eventStore, JdbcTemplate jdbc) {
    this.eventStore = eventStore;
    this.jdbc = jdbc;
  }

  @Override
  public Optional<UnitRegistered> unit(Body body) {
    UnitRegistered unit = null;
    DomainEventStream stream = eventStore.readEvents(UnitEvent.streamIdOf(body), 0);
    while (stream.hasNext()) {
      Object event = stream.next().getPayload();
      if (event instanceof UnitRegistered registered) {
        unit = registered;
      } else if (event instanceof UnitRevised revised && unit != null) {
        unit = unit.revisedBy(revised);
      }
    }
    return Optional.ofNullable(unit);
  }

  @Override
  public Optional<CouncilGoalRegistered> goal(String goalId) {
    CouncilGoalRegistered goal = null;
    DomainEventStream stream = eventStore.readEvents(GoalEvent.streamIdOf(goalId), 0);
    while (stream.hasNext()) {
      Object event = stream.next().getPayload();
      if (event instanceof CouncilGoalRegistered registered) {
        goal = registered;
      } else if (event instanceof CouncilGoalRevised revised && goal != null) {
        goal = goal.revisedBy(revised);
      }
    }
    return Optional.ofNullable(goal);
  }

  @Override
  public List<String> forumIds() {
    return jdbc.queryForList(
        "select aggregate_identifier from domain_event_entry where sequence_number = 0"
            + " and payload_type = ? order by aggregate_identifier",
        String.class,
        ForumRegistered.class.getName());
  }

  @Override
  public List<ForumEvent> events(String forumId) {
    List<ForumEvent> events = new ArrayList<>();
    DomainEventStream stream = eventStore.readEvents(forumId, 0);
    while (stream.hasNext()) {
      DomainEventMessage<?> message = stream.next();
      if (message.getPayload() instanceof ForumEvent event) {
        events.add(event);
      }
    }
    return events;
  }
}
