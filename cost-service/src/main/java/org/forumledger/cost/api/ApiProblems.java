package org.forumledger.cost.api;

/** The typed failures of the API; {@link ProblemAdvice} maps each to a problem+json response. */
public final class ApiProblems {

  private ApiProblems() {}

  /** 400: a parameter is malformed or out of range. */
  public static final class InvalidParameter extends RuntimeException {
    private final String parameter;

    public InvalidParameter(String parameter, String detail) {
      super(detail);
      this.parameter = parameter;
    }

    public String parameter() {
      return parameter;
    }
  }

  /** 404: the registry has no such forum (or this service has not seen it yet). */
  public static final class UnknownForum extends RuntimeException {
    public UnknownForum(String forumId) {
      super("No forum " + forumId + " in the cost read model");
    }
  }

  /** 404: not a configured mandate period. */
  public static final class UnknownMandatePeriod extends RuntimeException {
    public UnknownMandatePeriod(String period, String configured) {
      super(period + " is not a configured mandate period; configured: " + configured);
    }
  }

  /** 422: the request is well-formed but breaks a rule of the domain. */
  public static final class RuleBroken extends RuntimeException {
    private final String slug;

    public RuleBroken(String slug, String detail) {
      super(detail);
      this.slug = slug;
    }

    public String slug() {
      return slug;
    }
  }

  /** 409: a checksum was asked for at a position the read model is not at. */
  public static final class PositionMismatch extends RuntimeException {
    public PositionMismatch(long asked, long current) {
      super(
          "The read model is at position " + current + ", not " + asked + "; ask again once it is");
    }
  }
}
