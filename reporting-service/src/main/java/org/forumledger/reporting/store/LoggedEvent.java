package org.forumledger.reporting.store;

import java.time.LocalDate;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.seal.Seals;

/**
 * An event as the log keeps it: the envelope, its payload's JSON (written once, shared by the log
 * and the audit chain; null when read back), the date from which its fact is valid, and the record
 * as the registry sealed it (null when read back, or for an event that came without a seal).
 */
public record LoggedEvent(
    EventEnvelope envelope, String payloadJson, LocalDate validFrom, Seals.Sealed sealed) {}
