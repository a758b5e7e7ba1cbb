package org.forumledger.reporting.support;

import static org.forumledger.events.testing.ForumEvents.forum;

import java.util.List;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.testing.EventStream;

/**
 * Three meetings of one forum in 2023, the reporting tests' shared case: 10 hours together,
 * expenses 3 790 SEK (1 200 travel; 800 travel, 1 500 lodging, 290 per diem; none), five attendees
 * over two attended meetings and one nobody attended. At 350 SEK an hour with 46.36 % overhead
 * (512.26 SEK an hour) they cost 8 912.60 SEK.
 */
public final class Meetings {

  public static final String RATES_SALARY = "350";
  public static final String RATES_OVERHEAD = "46.36";

  private Meetings() {}

  public static List<EventEnvelope> threeIn2023(
      EventStream events, String forumId, String recordedAt) {
    return List.of(
        events.envelope(
            forum(forumId)
                .participation("p-1")
                .on("2023-03-14")
                .hours("3")
                .attendees(2)
                .expenses("1200", "0", "0", "0")
                .mode(MeetingMode.PHYSICAL),
            recordedAt,
            "2023-03-14"),
        events.envelope(
            forum(forumId)
                .participation("p-2")
                .on("2023-06-01")
                .hours("4.5")
                .attendees(3)
                .expenses("800", "1500", "290", "0")
                .mode(MeetingMode.PHYSICAL),
            recordedAt,
            "2023-06-01"),
        events.envelope(
            forum(forumId).participation("p-3").on("2023-10-10").hours("2.5").attendees(0),
            recordedAt,
            "2023-10-10"));
  }
}
