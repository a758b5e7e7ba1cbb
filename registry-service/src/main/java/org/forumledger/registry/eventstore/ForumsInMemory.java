package org.forumledger.registry.eventstore;

import org.axonframework.common.caching.Cache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Forums stay in memory between commands, so a write does not read the forum's whole stream back
 * from the store first. Axon drops an entry when its own unit of work rolls back; a write also runs
 * inside the registry's request transaction (claim, events, kept answer), which can still roll back
 * after Axon's unit of work has finished. {@link #forgetOnRollback()} covers that: a transaction
 * that does not commit empties the cache, so no forum in memory ever holds an event the store lost.
 */
@Configuration(proxyBeanMethods = false)
public class ForumsInMemory {

  /** The bean name the forum aggregate's {@code @Aggregate} refers to. */
  public static final String NAME = "forumCache";

  /**
   * How many forums stay in memory: those used last. A forum is a few kilobytes; a municipality's
   * registry has about a hundred, a benchmark's run a few thousand.
   */
  static final int FORUMS_KEPT = 2048;

  @Bean(NAME)
  public Cache forumCache() {
    return new RecentForums(FORUMS_KEPT);
  }

  /** Call inside a transaction that may run forum commands. */
  public static void forgetOnRollback(Cache cache) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status != STATUS_COMMITTED) {
              cache.removeAll();
            }
          }
        });
  }
}
