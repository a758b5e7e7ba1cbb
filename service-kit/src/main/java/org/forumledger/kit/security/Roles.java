package org.forumledger.kit.security;

import java.util.Set;

/**
 * The ledger's roles. Registrars write and read; auditors and viewers read; the audit history,
 * replays and operational metrics are for auditors.
 */
public final class Roles {
  public static final String REGISTRAR = "REGISTRAR";
  public static final String AUDITOR = "AUDITOR";
  public static final String VIEWER = "VIEWER";

  /** Every role that may read the ledger. */
  public static final Set<String> READERS = Set.of(REGISTRAR, AUDITOR, VIEWER);

  private Roles() {}
}
