package org.forumledger.registry.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ledger.publication.lag}: how far the topic is behind the store, in global positions
 * (events, but for the rare position a rolled-back write left unused). Near zero while the broker
 * is up; it grows while the broker is away and falls back once publication catches up. Read from
 * the store at each scrape; unknown (NaN) while the store cannot be read.
 */
@Configuration(proxyBeanMethods = false)
class PublicationLag {

  PublicationLag(JdbcTemplate jdbc, MeterRegistry meters) {
    Gauge.builder("ledger.publication.lag", jdbc, PublicationLag::unpublished)
        .description("Events stored but not yet published")
        .baseUnit("events")
        .register(meters);
  }

  private static double unpublished(JdbcTemplate jdbc) {
    try {
      Long lag =
          jdbc.queryForObject(
              "select coalesce((select max(global_index) from domain_event_entry), 0)"
                  + " - coalesce((select global_index from publication_seal"
                  + " order by chain_sequence desc limit 1), 0)",
              Long.class);
      return lag == null ? Double.NaN : lag;
    } catch (RuntimeException storeAway) {
      return Double.NaN;
    }
  }
}
