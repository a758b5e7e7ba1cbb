package org.forumledger.registry.forum.api;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The events a command applied, as the store is given them (with their sequence numbers), so its
 * answer can be built from them instead of reading the stream back. Axon handles a command on the
 * calling thread, so what the store is given on that thread while the command runs is that
 * command's.
 */
@Component
public class ProducedEvents {

  private final ThreadLocal<List<DomainEventMessage<?>>> recording = new ThreadLocal<>();

  public ProducedEvents(EventStore events) {
    events.registerDispatchInterceptor(
        messages ->
            (index, message) -> {
              List<DomainEventMessage<?>> recorded = recording.get();
              if (recorded != null && message instanceof DomainEventMessage<?> domain) {
                recorded.add(domain);
              }
              return message;
            });
  }

  /** The domain events applied while {@code command} ran on this thread, in order. */
  public List<DomainEventMessage<?>> of(Runnable command) {
    List<DomainEventMessage<?>> outer = recording.get();
    List<DomainEventMessage<?>> recorded = new ArrayList<>();
    recording.set(recorded);
    try {
      command.run();
      return recorded;
    } finally {
      if (outer == null) {
        recording.remove();
      } else {
        recording.set(outer);
      }
    }
  }
}
