package org.forumledger.events;

/**
 * KS is the city executive board (kommunstyrelsen), SLK its executive office
 * (stadsledningskontoret).
 */
public enum Body {
  KS,
  SLK
}
