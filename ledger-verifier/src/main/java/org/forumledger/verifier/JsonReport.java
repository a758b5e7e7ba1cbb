package org.forumledger.verifier;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Set;
import org.forumledger.events.EventJson;

/** The report for a machine: the {@link VerificationReport} as JSON, amounts as exact numbers. */
final class JsonReport {

  private static final ObjectMapper MAPPER =
      EventJson.newMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private JsonReport() {}

  record Document(@JsonUnwrapped VerificationReport report, Set<String> keysGiven) {}

  static String render(VerificationReport report, Set<String> keysGiven) {
    try {
      return MAPPER.writeValueAsString(new Document(report, keysGiven)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the report", e);
    }
  }
}
