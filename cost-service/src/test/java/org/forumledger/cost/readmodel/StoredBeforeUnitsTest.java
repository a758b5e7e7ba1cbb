package org.forumledger.cost.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.forumledger.events.Body;
import org.forumledger.events.CostRatesRecorded;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.ParticipationCost;
import org.forumledger.events.ParticipationRecorded;
import org.junit.jupiter.api.Test;

/**
 * The reading rule of issue 14: a record published, or kept in the read model's {@code
 * participation.record}, before units existed names its body "KS" or "SLK"; read today it names the
 * units KS and SLK and costs what it cost, with nothing rewritten.
 */
class StoredBeforeUnitsTest {

  /** The payload of forum.ParticipationRecorded v1 as the sample held it before units existed. */
  static final String STORED_BEFORE_UNITS =
      """
      {"forumId":"7d0c2c5e-4f7b-4a8e-9f43-2b1a6e9c0d11","participationId":"p-1b2c3d4e",
       "body":"KS","meetingDate":"2024-03-14","attendeeCount":null,
       "appointmentIds":["a-9f8e7d6c","a-5b4a3928"],"hours":14.5,"travelSek":2980.00,
       "lodgingSek":1450.00,"perDiemSek":290,"electedFeesSek":1200,"mode":"PHYSICAL",
       "correction":false}
      """;

  @Test
  void aStoredRecordOfKsReadsAsTheUnitKsAndCostsWhatItCost() {
    ParticipationRecorded old = StoredJson.read(STORED_BEFORE_UNITS, ParticipationRecorded.class);

    assertThat(old.body()).isEqualTo(Body.KS);
    assertThat(old.body().ofTheInventory2023()).isTrue();
    // stored again, it is the same text it was: nothing is rewritten
    assertThat(EventJson.mapper().valueToTree(old).get("body").asText()).isEqualTo("KS");
    CostRatesRecorded rates =
        new CostRatesRecorded(
            2024, new BigDecimal("350.00"), new BigDecimal("46.36"), "SLK", List.of(), false);
    // 14.5 h × 350 × 1.4636 = 7 427.77, expenses 5 920
    assertThat(ParticipationCost.derive(2024, List.of(old), rates).totalSek())
        .isEqualByComparingTo("13347.77");
  }

  @Test
  void aPublishedEnvelopeOfSlkBeforeUnitsReadsAsTheUnitSlk() throws Exception {
    String wire =
        """
        {"metadata":{"eventId":"e-1","eventType":"forum.ParticipationRecorded","eventVersion":1,
         "forumId":"f-1","sequenceNumber":0,"globalPosition":1,"recordedAt":"2024-03-20T10:00:00Z",
         "effectiveDate":"2024-03-14","actor":"registrar","reason":null,
         "decisionReference":null,"correlationId":null},
         "payload":%s}
        """
            .formatted(STORED_BEFORE_UNITS.replace("\"KS\"", "\"SLK\""));

    EventEnvelope read = EventJson.read(EventJson.mapper().readTree(wire)).orElseThrow();

    assertThat(((ParticipationRecorded) read.payload()).body()).isEqualTo(Body.SLK);
  }
}
