package org.forumledger.events;

/** Where the exchange rate of a fee set in another currency came from. */
public enum ExchangeRateSource {
  /** The rate was given with the fee; the SEK amount was computed from it. */
  STATED,
  /**
   * The original amount and the SEK amount were given (as a report prints both); the rate is their
   * quotient, not one anybody stated. A projection for a later year prefers a configured rate.
   */
  IMPLIED
}
