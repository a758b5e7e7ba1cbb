package org.forumledger.registry.forum.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.forumledger.events.EventJson;

/**
 * One text for every way of writing the same JSON value: object keys sorted, no insignificant
 * whitespace, and every number written as its value with trailing zeros stripped, so {@code 100},
 * {@code 100.00} and {@code 1E+2} are the same. A number is written in Java's {@code
 * BigDecimal.toString()} form of its stripped value, never expanded, so an exponent in the input
 * cannot blow up the output.
 */
final class CanonicalJson {

  private CanonicalJson() {}

  static String of(String json) {
    try {
      return of(EventJson.mapper().readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The canonical text of a value as the shared mapping writes it. */
  static String of(Object value) {
    return of(EventJson.mapper().valueToTree(value));
  }

  static String of(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        out.append(i == 0 ? "" : ",").append(quoted(names.get(i))).append(':');
        write(node.get(names.get(i)), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      Iterator<JsonNode> elements = node.elements();
      for (boolean first = true; elements.hasNext(); first = false) {
        out.append(first ? "" : ",");
        write(elements.next(), out);
      }
      out.append(']');
    } else if (node.isNumber()) {
      out.append(node.decimalValue().stripTrailingZeros());
    } else if (node.isTextual()) {
      out.append(quoted(node.textValue()));
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else {
      // binary or POJO nodes do not come from parsed JSON; write them as the mapping does
      out.append(quoted(node.asText()));
    }
  }

  private static String quoted(String text) {
    try {
      return EventJson.mapper().writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
