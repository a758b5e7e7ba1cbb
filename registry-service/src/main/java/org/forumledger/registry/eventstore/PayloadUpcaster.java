package org.forumledger.registry.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads a stored event of one revision as the next by a change to its JSON payload. This is the
 * form every change to a stored event takes: old rows are never rewritten.
 */
abstract class PayloadUpcaster extends SingleEventUpcaster {

  private final SimpleSerializedType from;
  private final SimpleSerializedType to;
  private final UnaryOperator<ObjectNode> change;

  PayloadUpcaster(
      Class<?> event, String fromRevision, String toRevision, UnaryOperator<ObjectNode> change) {
    this.from = new SimpleSerializedType(event.getName(), fromRevision);
    this.to = new SimpleSerializedType(event.getName(), toRevision);
    this.change = change;
  }

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation representation) {
    return representation.getType().equals(from);
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(
      IntermediateEventRepresentation representation) {
    return representation.upcastPayload(
        to, JsonNode.class, payload -> change.apply((ObjectNode) payload));
  }
}
