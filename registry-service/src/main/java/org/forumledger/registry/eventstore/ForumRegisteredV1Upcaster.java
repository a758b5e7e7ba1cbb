package org.forumledger.registry.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forumledger.events.ForumRegistered;

/**
 * ForumRegistered revision 1 stored {@code meetingsPerYear} as one number and had no scope.
 * Revision 2 holds a min-max range; a stored single number becomes the range n-n, scope unknown.
 */
public class ForumRegisteredV1Upcaster extends PayloadUpcaster {

  public ForumRegisteredV1Upcaster() {
    super(ForumRegistered.class, "1", "2", ForumRegisteredV1Upcaster::upgrade);
  }

  private static ObjectNode upgrade(ObjectNode node) {
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
  }
}
