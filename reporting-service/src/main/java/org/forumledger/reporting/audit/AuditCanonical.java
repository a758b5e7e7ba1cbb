package org.forumledger.reporting.audit;

import org.forumledger.events.Sha256;

/**
 * The canonical serialisation an audit entry's hash covers: its fields in a fixed order, each as
 * {@code name:length:value} (or {@code name:-} for null) on its own line, UTF-8, then the
 * predecessor's hash. Length prefixes make the encoding unambiguous whatever the values contain.
 */
public final class AuditCanonical {

  /** The predecessor hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditCanonical() {}

  public static String hash(AuditEntry entry, String prevHash) {
    StringBuilder out = new StringBuilder();
    field(out, "eventId", entry.eventId());
    field(out, "forumId", entry.forumId());
    field(out, "eventType", entry.eventType());
    field(out, "eventVersion", String.valueOf(entry.eventVersion()));
    field(out, "globalPosition", String.valueOf(entry.globalPosition()));
    field(out, "recordedAt", entry.recordedAt() == null ? null : entry.recordedAt().toString());
    field(
        out,
        "effectiveDate",
        entry.effectiveDate() == null ? null : entry.effectiveDate().toString());
    field(out, "actor", entry.actor());
    field(out, "reason", entry.reason());
    field(out, "decisionReference", entry.decisionReference());
    field(out, "correlationId", entry.correlationId());
    field(out, "payload", entry.payload());
    field(out, "prevHash", prevHash);
    return Sha256.hex(out.toString());
  }

  private static void field(StringBuilder out, String name, String value) {
    out.append(name).append(':');
    if (value == null) {
      out.append('-');
    } else {
      out.append(value.length()).append(':').append(value);
    }
    out.append('\n');
  }
}
