package org.forumledger.reporting.store;

import java.time.LocalDate;
import org.forumledger.events.EventEnvelope;

/**
 * An event as the log keeps it: the envelope, its payload's JSON (written once, shared by the log
 * and the audit chain; null when read back) and the date from which its fact is valid.
 */
public record LoggedEvent(EventEnvelope envelope, String payloadJson, LocalDate validFrom) {}
