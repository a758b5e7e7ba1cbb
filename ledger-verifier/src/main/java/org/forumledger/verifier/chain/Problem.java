package org.forumledger.verifier.chain;

/** What is wrong with one line of an export, as a stable word for the machine-readable report. */
public enum Problem {
  /** The line is no JSON object, or not the whole line is one. */
  NOT_JSON,
  /** A JSON object, but without the metadata, payload or seal of a published event. */
  NOT_AN_EVENT,
  /** Signed with a key id none of the given keys has. */
  UNKNOWN_KEY,
  /** The metadata, payload or place in the chain do not match the sealed hash. */
  ALTERED,
  /** The signature is not the named key's signature of the hash. */
  BAD_SIGNATURE,
  /** One or more chain sequences before this line are not in the file. */
  MISSING_LINES,
  /** A chain sequence the file has already passed: a repeated or reordered line. */
  REPEATED_OR_REORDERED,
  /** The previous hash is not the hash of the line before: a changed line or another chain. */
  CHAIN_BROKEN,
  /** Sealed and in place, but its payload is not the event its metadata names. */
  UNREADABLE_EVENT,
  /** The file holds no line at all. */
  EMPTY
}
