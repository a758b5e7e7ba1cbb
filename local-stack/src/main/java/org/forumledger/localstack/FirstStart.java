package org.forumledger.localstack;

import java.time.Duration;
import java.time.Instant;
import org.forumledger.importer.InventoryImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The local stack's first start: the inventory is loaded through the registry's API, and until it
 * is in and both consumers have applied it, every service's health answers OUT_OF_SERVICE (503). A
 * script that waits for health therefore sees the whole inventory, never a part of it. An import
 * with refused rows leaves health DOWN, with the count, so it is noticed.
 */
final class FirstStart implements HealthIndicator {

  /** The health component's name in every service. */
  static final String COMPONENT = "inventory";

  private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

  private volatile Health health =
      Health.outOfService().withDetail(COMPONENT, "loading the inventory").build();

  @Override
  public Health health() {
    return health;
  }

  /** Nothing to load on this start: the stack is ready as it is. */
  void nothingToLoad() {
    health = Health.up().build();
  }

  InventoryImport.Summary load(ServiceStack services, InventoryImport inventory, Duration catchUp) {
    InventoryImport.Summary summary = inventory.run();
    long head = services.registryHead();
    Instant deadline = Instant.now().plus(catchUp);
    while (!services.consumersReached(head)) {
      if (Instant.now().isAfter(deadline)) {
        health =
            Health.down()
                .withDetail(COMPONENT, "the consumers did not reach position " + head)
                .build();
        return summary;
      }
      pause();
    }
    health =
        summary.failedRows() == 0
            ? Health.up().build()
            : Health.down().withDetail("failedRows", summary.failedRows()).build();
    log.info("The inventory is loaded and applied by both consumers (position {})", head);
    return summary;
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the consumers", e);
    }
  }
}
