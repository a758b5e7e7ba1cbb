package org.forumledger.kit.consumer;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How far a consumer holds the registry's chain: the last link it verified and the position it
 * applied up to, read in one snapshot so the two belong together. Served as {@code GET
 * /chain/head}, the same path where the registry serves the head of what it published: comparing
 * the two is the three-way reconciliation.
 */
public record HeldChain(long chainSequence, String hash, long position) {

  public static HeldChain read(ApplyOnce applyOnce, TransactionOperations snapshot) {
    return snapshot.execute(
        status ->
            new HeldChain(
                applyOnce.chainHead().sequence(),
                applyOnce.chainHead().hash(),
                applyOnce.position()));
  }

  public static TransactionTemplate snapshot(PlatformTransactionManager tx) {
    TransactionTemplate template = new TransactionTemplate(tx);
    template.setReadOnly(true);
    template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    return template;
  }
}
