package org.forumledger.kit.problem;

import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;

/** What Jackson knows of a value it could not read, without the Java types it names. */
final class JsonFields {

  private JsonFields() {}

  /** The JSON path of the offending value, e.g. {@code lines[0].amountSek}, or null. */
  static String path(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof JacksonException json && !json.getPath().isEmpty()) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
          if (reference.getPropertyName() != null) {
            path.append(path.length() == 0 ? "" : ".").append(reference.getPropertyName());
          } else if (reference.getIndex() >= 0) {
            path.append('[').append(reference.getIndex()).append(']');
          }
        }
        return path.length() == 0 ? null : path.toString();
      }
    }
    return null;
  }

  /** The first line of the parser's message, with class names, method names and sources gone. */
  static String readable(ServerWebInputException input) {
    Throwable cause = input.getMostSpecificCause();
    String message = cause == input || cause.getMessage() == null ? null : cause.getMessage();
    if (message == null || !(cause instanceof JacksonException)) {
      return "it is not valid JSON of the expected shape";
    }
    int newline = message.indexOf('\n');
    String line = newline > 0 ? message.substring(0, newline) : message;
    return line.replaceAll("`[a-zA-Z][\\w$]*(\\.[\\w$]+)+`", "the expected type")
        .replaceAll("\\(class [\\w.$]+\\)", "")
        .replaceAll("[a-z][\\w$]*(\\.[a-z][\\w$]*)+\\.[A-Z][\\w$]*", "the expected type")
        .replaceAll("\\(for Object starting at.*", "")
        .strip();
  }
}
