package org.forumledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.axonframework.serialization.Revision;

/**
 * The annual fee from {@code fromYear} (through {@code toYear}, or open-ended when null) was set,
 * or corrected when {@code correction} is true. A later event for the same {@code fromYear}
 * replaces the earlier one; history keeps both.
 *
 * <p>Only a fee with status {@link CostStatus#AMOUNT} has an amount. {@code amountSek} is exact;
 * for a fee set in another currency {@code originalAmount} and {@code exchangeRate} (SEK per unit)
 * say how it was derived. A per-inhabitant fee names its rate and the population used; a project
 * share names the project's total.
 *
 * <p>{@code exchangeRateSource} says where the rate came from: {@link ExchangeRateSource#STATED}
 * (given, the SEK amount computed from it) or {@link ExchangeRateSource#IMPLIED} (the SEK amount
 * given beside the original, the rate their quotient); null when there is no rate. Revision 2 added
 * it; a revision 1 fee reads as {@link #upgradeRevisionOne}.
 */
@Revision("2")
public record AnnualFeeSet(
    String forumId,
    int fromYear,
    Integer toYear,
    CostStatus status,
    BigDecimal amountSek,
    String currency,
    BigDecimal originalAmount,
    BigDecimal exchangeRate,
    ExchangeRateSource exchangeRateSource,
    FeeBasis basis,
    BigDecimal perInhabitantRateSek,
    Long population,
    BigDecimal projectTotalSek,
    String reportedUnder,
    boolean correction)
    implements ForumEvent {

  /** The decimals of an implied rate (SEK per unit), rounded half up. */
  public static final int IMPLIED_RATE_SCALE = 6;

  /** The rate implied by a SEK amount and the original amount it was given for. */
  public static BigDecimal impliedRate(BigDecimal amountSek, BigDecimal originalAmount) {
    return amountSek.divide(originalAmount, IMPLIED_RATE_SCALE, RoundingMode.HALF_UP);
  }

  /**
   * Revision 1's payload in revision 2's form, in place: revision 1 knew only stated rates, so a
   * fee with a rate gets {@code STATED} and one without gets none. The registry's store and the
   * consumers of older records on the topic read revision 1 through this one rule.
   */
  public static ObjectNode upgradeRevisionOne(ObjectNode payload) {
    JsonNode rate = payload.get("exchangeRate");
    if (rate == null || rate.isNull()) {
      payload.putNull("exchangeRateSource");
    } else {
      payload.put("exchangeRateSource", ExchangeRateSource.STATED.name());
    }
    return payload;
  }
}
