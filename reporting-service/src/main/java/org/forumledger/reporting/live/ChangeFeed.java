package org.forumledger.reporting.live;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** Tells subscribers (live dashboards) the global position of each event applied, after commit. */
@Component
public class ChangeFeed {

  private final Sinks.Many<Long> positions = Sinks.many().multicast().directBestEffort();

  public void changed(long position) {
    positions.tryEmitNext(position);
  }

  public Flux<Long> positions() {
    return positions.asFlux();
  }
}
