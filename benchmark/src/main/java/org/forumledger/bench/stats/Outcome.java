package org.forumledger.bench.stats;

/** What one request came to: success, or a failure described for the report. */
public record Outcome(boolean ok, String error) {

  private static final Outcome OK = new Outcome(true, null);

  public static Outcome success() {
    return OK;
  }

  public static Outcome failure(String error) {
    return new Outcome(false, error);
  }
}
