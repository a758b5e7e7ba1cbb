package org.forumledger.registry.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.forumledger.events.AnnualFeeSet;

/**
 * AnnualFeeSet revision 1 knew only stated exchange rates; revision 2 says where the rate came
 * from. A stored revision 1 fee with a rate reads as {@code STATED}, one without as having none
 * (the contract's {@link AnnualFeeSet#upgradeRevisionOne}, which consumers apply to the topic too).
 */
public class AnnualFeeSetV1Upcaster extends SingleEventUpcaster {

  private static final SimpleSerializedType V1 =
      new SimpleSerializedType(AnnualFeeSet.class.getName(), "1");

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation representation) {
    return representation.getType().equals(V1);
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(
      IntermediateEventRepresentation representation) {
    return representation.upcastPayload(
        new SimpleSerializedType(AnnualFeeSet.class.getName(), "2"),
        JsonNode.class,
        payload -> AnnualFeeSet.upgradeRevisionOne((ObjectNode) payload));
  }
}
