package org.forumledger.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What every published event carries besides its payload.
 *
 * @param eventId unique id of the event (the registry's message id); consumers deduplicate on it
 * @param eventType logical name, e.g. {@code forum.ForumRegistered}
 * @param eventVersion version of the payload's shape
 * @param forumId the forum the event is about, or the stream of a setting ({@link
 *     LedgerEvent#streamId}, e.g. {@code cost-rates-2024}); also the Kafka record key
 * @param sequenceNumber position of the event within its stream, from 0
 * @param globalPosition position in the registry's whole event store, gap-free and increasing
 * @param recordedAt when the registry recorded the fact (transaction time)
 * @param effectiveDate when the fact is true in the world (valid time)
 * @param actor the authenticated principal who caused it
 * @param reason why the change was made
 * @param decisionReference the decision it rests on, e.g. {@code KS 2023-11-22 § 841}, or null
 * @param correlationId ties together the events of one request or import run
 */
public record EventMetadata(
    String eventId,
    String eventType,
    int eventVersion,
    String forumId,
    long sequenceNumber,
    long globalPosition,
    Instant recordedAt,
    LocalDate effectiveDate,
    String actor,
    String reason,
    String decisionReference,
    String correlationId) {}
