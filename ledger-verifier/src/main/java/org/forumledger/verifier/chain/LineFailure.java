package org.forumledger.verifier.chain;

/**
 * One failing line of an export.
 *
 * @param line 1-based line number in the file, 0 for the file as a whole
 * @param problem what kind of failure
 * @param reason the sentence an auditor reads
 */
public record LineFailure(int line, Problem problem, String reason) {

  @Override
  public String toString() {
    return (line == 0 ? "file" : "line " + line) + ": " + reason;
  }
}
