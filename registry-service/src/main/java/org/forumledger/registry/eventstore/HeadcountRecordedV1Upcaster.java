package org.forumledger.registry.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.forumledger.events.HeadcountRecorded;

/**
 * HeadcountRecorded revision 2 may leave the count unknown (only the words as written); every
 * stored revision 1 record has a count and reads as revision 2 unchanged. Only the revision moves,
 * so a later upcaster from revision 2 sees every stored headcount.
 */
public class HeadcountRecordedV1Upcaster extends SingleEventUpcaster {

  private static final SimpleSerializedType V1 =
      new SimpleSerializedType(HeadcountRecorded.class.getName(), "1");

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation representation) {
    return representation.getType().equals(V1);
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(
      IntermediateEventRepresentation representation) {
    return representation.upcastPayload(
        new SimpleSerializedType(HeadcountRecorded.class.getName(), "2"),
        JsonNode.class,
        payload -> payload);
  }
}
