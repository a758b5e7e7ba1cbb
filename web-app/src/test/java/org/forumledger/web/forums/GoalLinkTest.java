package org.forumledger.web.forums;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoalLinkTest {

  private static HistoryEntry entry(long seq, String type, Map<String, Object> payload) {
    return new HistoryEntry(
        seq,
        type,
        Instant.parse("2024-05-02T09:00:00Z").plusSeconds(seq),
        LocalDate.parse("2024-05-02"),
        "registrar",
        "Underlag",
        null,
        payload);
  }

  @Test
  void aLaterStatementForTheSameUnitReplacesTheEarlierAndOtherEventsAreNoStatement() {
    List<HistoryEntry> history =
        List.of(
            entry(
                5,
                "forum.GoalsLinked",
                Map.of(
                    "body",
                    "KS",
                    "goalIds",
                    List.of("klimat"),
                    "benefitForResidents",
                    "Renare luft")),
            entry(2, "forum.HeadcountRecorded", Map.of("body", "SLK")),
            entry(
                3,
                "forum.GoalsLinked",
                Map.of(
                    "body", "SLK", "goalIds", List.of(), "benefitForResidents", "Ingen angiven")),
            entry(
                1,
                "forum.GoalsLinked",
                Map.of(
                    "body",
                    "KS",
                    "goalIds",
                    List.of("kompetens"),
                    "benefitForResidents",
                    "Först")));

    List<GoalLink> links = GoalLink.latest(history);

    assertThat(links).extracting(GoalLink::body).containsExactly("KS", "SLK");
    assertThat(links.get(0).goalIds()).containsExactly("klimat");
    assertThat(links.get(0).benefitForResidents()).isEqualTo("Renare luft");
    assertThat(links.get(1).goalIds()).isEmpty();
  }
}
