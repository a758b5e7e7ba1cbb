package org.forumledger.events;

/** Keys of the provenance the registry stores with every event (Axon metadata). */
public final class MetadataKeys {
  public static final String ACTOR = "actor";
  public static final String REASON = "reason";
  public static final String DECISION_REFERENCE = "decisionReference";
  public static final String EFFECTIVE_DATE = "effectiveDate";
  public static final String CORRELATION_ID = "correlationId";

  private MetadataKeys() {}
}
