package org.forumledger.reporting.history;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.forumledger.events.EventJson;

/**
 * The JSON form of folded state: the contract's mapping with decimals written plainly, because
 * PostgreSQL's jsonb keeps an amount's scale but not an exponent (7E+4 comes back as 70000);
 * written plainly, a state read back from the view and one folded from the topic serialise
 * identically.
 */
public final class StateJson {

  private static final ObjectMapper MAPPER =
      ((JsonMapper) EventJson.newMapper())
          .rebuild()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private StateJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
