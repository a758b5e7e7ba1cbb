package org.forumledger.cost.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import org.forumledger.events.EventJson;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Reads API answers with exact decimals, so a test can tell 1000.50 from 1000.5000001. */
public final class Json {

  private static final ObjectMapper EXACT =
      EventJson.newMapper()
          .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private Json() {}

  public static JsonNode get(WebTestClient client, String uri) {
    byte[] body =
        client
            .get()
            .uri(uri)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBody();
    return parse(body);
  }

  public static JsonNode parse(byte[] body) {
    try {
      return EXACT.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
