package org.forumledger.registry.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.forumledger.events.ForumRegistered;

/**
 * ForumRegistered revision 1 stored {@code meetingsPerYear} as one number and had no scope.
 * Revision 2 holds a min-max range; a stored single number becomes the range n-n, scope unknown.
 * This is the form every future change to a stored event takes: old rows are never rewritten.
 */
public class ForumRegisteredV1Upcaster extends SingleEventUpcaster {

  private static final SimpleSerializedType V1 =
      new SimpleSerializedType(ForumRegistered.class.getName(), "1");

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation representation) {
    return representation.getType().equals(V1);
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(
      IntermediateEventRepresentation representation) {
    return representation.upcastPayload(
        new SimpleSerializedType(ForumRegistered.class.getName(), "2"),
        JsonNode.class,
        payload -> {
          ObjectNode node = (ObjectNode) payload;
          JsonNode meetings = node.remove("meetingsPerYear");
          if (meetings != null && meetings.isNumber()) {
            node.putObject("meetingsPerYear")
                .put("min", meetings.intValue())
                .put("max", meetings.intValue());
          } else {
            node.putNull("meetingsPerYear");
          }
          if (!node.has("scope")) {
            node.putNull("scope");
          }
          return node;
        });
  }
}
