package org.forumledger.registry.security;

/** Registrars write and read; auditors and viewers read. */
public final class Roles {
  public static final String REGISTRAR = "REGISTRAR";
  public static final String AUDITOR = "AUDITOR";
  public static final String VIEWER = "VIEWER";

  private Roles() {}
}
