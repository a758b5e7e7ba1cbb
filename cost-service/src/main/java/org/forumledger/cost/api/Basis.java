package org.forumledger.cost.api;

/** Which reading of the facts an explanation gives: the registry's actuals or the projection. */
public enum Basis {
  ACTUAL("actual"),
  PROJECTED("projected");

  private final String parameterValue;

  Basis(String parameterValue) {
    this.parameterValue = parameterValue;
  }

  /** The {@code basis} parameter; actual when it is not given. */
  public static Basis parse(String text) {
    if (text == null) {
      return ACTUAL;
    }
    for (Basis basis : values()) {
      if (basis.parameterValue.equals(text)) {
        return basis;
      }
    }
    throw new ApiProblems.InvalidParameter(
        "basis", "basis is 'actual' or 'projected', not '" + text + "'");
  }

  /** As the request and the answer write it. */
  public String parameterValue() {
    return parameterValue;
  }
}
