package org.forumledger.events.seal;

/** A record the registry did not vouch for, or not in this place of the chain. */
public class SealException extends RuntimeException {

  /** Why a record fails, as a stable word for metrics, dead-letter headers and reports. */
  public enum Reason {
    /** No seal at all. */
    UNSIGNED,
    /** Signed with a key id none of the configured public keys has. */
    UNKNOWN_KEY,
    /** The hash does not match the metadata and payload: they were changed after sealing. */
    ALTERED,
    /** The signature is not the named key's signature of the hash. */
    BAD_SIGNATURE,
    /** The chain sequence skips one or more events. */
    MISSING_PREDECESSOR,
    /** The previous hash is not the hash of the event before it. */
    CHAIN_BROKEN,
    /** An event already passed in the chain came again as a new event (another id or position). */
    REPLAYED;

    public String tag() {
      return name().toLowerCase().replace('_', '-');
    }
  }

  private final Reason reason;

  public SealException(Reason reason, String message) {
    super(reason.tag() + ": " + message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
