package org.forumledger.registry.eventstore;

import org.forumledger.events.AnnualFeeSet;

/**
 * AnnualFeeSet revision 1 knew only stated exchange rates; revision 2 says where the rate came
 * from. A stored revision 1 fee with a rate reads as {@code STATED}, one without as having none
 * (the contract's {@link AnnualFeeSet#upgradeRevisionOne}, which consumers apply to the topic too).
 */
public class AnnualFeeSetV1Upcaster extends PayloadUpcaster {

  public AnnualFeeSetV1Upcaster() {
    super(AnnualFeeSet.class, "1", "2", AnnualFeeSet::upgradeRevisionOne);
  }
}
