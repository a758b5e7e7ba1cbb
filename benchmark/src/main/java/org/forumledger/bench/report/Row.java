package org.forumledger.bench.report;

/**
 * One line of the result table: what was measured, the raw baseline measured in the same run, the
 * ratio of the two, the target and whether it was met, and the figure from before.
 */
public record Row(
    String figure,
    String measured,
    String baseline,
    String ratio,
    String target,
    Verdict verdict,
    String before) {

  /** Reported, never asserted: a target not met is a finding, not a failure of the run. */
  public enum Verdict {
    MET("met"),
    NOT_MET("NOT MET"),
    NOT_MEASURED("not measured"),
    NONE("");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }

    public static Verdict of(boolean met) {
      return met ? MET : NOT_MET;
    }
  }
}
