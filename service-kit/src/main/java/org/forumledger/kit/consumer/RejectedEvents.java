package org.forumledger.kit.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.forumledger.events.seal.SealException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Records the registry did not vouch for, parked instead of applied: counted in {@code
 * ledger.events.rejected} (tagged with the reason) and shown by health, DOWN from the first one on
 * with the last one's reason, so that an operator notices a forgery or a broken chain.
 */
public final class RejectedEvents implements HealthIndicator {

  record Last(String reason, String message, String topic, int partition, long offset, String at) {}

  private final MeterRegistry meters;
  private final Clock clock;
  private final AtomicLong count = new AtomicLong();
  private final AtomicReference<Last> last = new AtomicReference<>();

  public RejectedEvents(MeterRegistry meters, Clock clock) {
    this.meters = meters;
    this.clock = clock;
    for (SealException.Reason reason : SealException.Reason.values()) {
      counter(reason);
    }
  }

  private Counter counter(SealException.Reason reason) {
    return Counter.builder("ledger.events.rejected")
        .tag("reason", reason.tag())
        .description("Records parked because their seal or chain place did not verify")
        .register(meters);
  }

  void rejected(ConsumerRecord<?, ?> record, SealException rejection) {
    counter(rejection.reason()).increment();
    count.incrementAndGet();
    last.set(
        new Last(
            rejection.reason().tag(),
            rejection.getMessage(),
            record.topic(),
            record.partition(),
            record.offset(),
            clock.instant().toString()));
  }

  public long count() {
    return count.get();
  }

  @Override
  public Health health() {
    Last rejected = last.get();
    if (rejected == null) {
      return Health.up().withDetail("rejected", 0).build();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("rejected", count.get());
    details.put("lastReason", rejected.reason());
    details.put("lastMessage", rejected.message());
    details.put(
        "lastRecord", rejected.topic() + "-" + rejected.partition() + "@" + rejected.offset());
    details.put("lastAt", rejected.at());
    return Health.down().withDetails(details).build();
  }
}
