package org.forumledger.events;

/** What kind of organisational unit a {@link Body} is. */
public enum UnitKind {
  /** A committee (nämnd), the executive board (kommunstyrelsen) among them. */
  COMMITTEE,
  /** An administration (förvaltning) or office (kontor), such as stadsledningskontoret. */
  ADMINISTRATION,
  /** A municipal company (kommunalt bolag). */
  COMPANY
}
