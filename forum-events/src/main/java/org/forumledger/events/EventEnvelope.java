package org.forumledger.events;

/** A published event: its metadata and its payload, the value of one Kafka record. */
public record EventEnvelope(EventMetadata metadata, ForumEvent payload) {}
