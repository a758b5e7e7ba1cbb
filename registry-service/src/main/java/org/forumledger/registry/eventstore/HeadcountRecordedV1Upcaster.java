package org.forumledger.registry.eventstore;

import java.util.function.UnaryOperator;
import org.forumledger.events.HeadcountRecorded;

/**
 * HeadcountRecorded revision 2 may leave the count unknown (only the words as written); every
 * stored revision 1 record has a count and reads as revision 2 unchanged. Only the revision moves,
 * so a later upcaster from revision 2 sees every stored headcount.
 */
public class HeadcountRecordedV1Upcaster extends PayloadUpcaster {

  public HeadcountRecordedV1Upcaster() {
    super(HeadcountRecorded.class, "1", "2", UnaryOperator.identity());
  }
}
