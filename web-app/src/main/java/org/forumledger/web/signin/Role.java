package org.forumledger.web.signin;

/** The ledger's roles, named as the services name them. */
public enum Role {
  REGISTRAR,
  AUDITOR,
  VIEWER;

  public String authority() {
    return "ROLE_" + name();
  }
}
