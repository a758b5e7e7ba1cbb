package org.forumledger.web.recording;

import java.util.List;

/** An RFC 9457 problem as the services write it, with the fields it names. */
record Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {

  Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  record FieldProblem(String field, String message) {}
}
