package org.forumledger.reporting.query;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-only repeatable-read transactions, so an answer's forums and its position belong together.
 */
@Component
class RepeatableReads {

  private final TransactionTemplate template;

  RepeatableReads(PlatformTransactionManager transactions) {
    template = new TransactionTemplate(transactions);
    template.setReadOnly(true);
    template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  TransactionTemplate template() {
    return template;
  }
}
