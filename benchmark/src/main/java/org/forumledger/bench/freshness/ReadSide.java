package org.forumledger.bench.freshness;

import java.time.Duration;
import org.forumledger.bench.stats.Await;

/** Whether both consumers have applied everything the registry has stored. */
public final class ReadSide {

  private final RegistryStore registry;
  private final ReadSidePositions positions;

  public ReadSide(RegistryStore registry, ReadSidePositions positions) {
    this.registry = registry;
    this.positions = positions;
  }

  public Await.Result awaitDrained(Duration timeout) {
    long stored = registry.highestPosition();
    return awaitPosition(stored, timeout);
  }

  public Await.Result awaitPosition(long position, Duration timeout) {
    return Await.until(positions::both, p -> p >= position, timeout, Duration.ofMillis(50));
  }
}
