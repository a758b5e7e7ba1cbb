package org.forumledger.web.forums;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a unit's participation in the forum serves, as last stated: the council's goals and the
 * benefit for residents. Read from the forum's history (a later statement for the same unit
 * replaces the earlier), so it is what the page's times show.
 */
public record GoalLink(
    String body,
    List<String> goalIds,
    String benefitForResidents,
    LocalDate effectiveDate,
    String actor,
    Instant recordedAt) {

  static final String KIND = "GoalsLinked";

  /** The latest statement of each unit, by unit. */
  static List<GoalLink> latest(List<HistoryEntry> history) {
    Map<String, GoalLink> byBody = new LinkedHashMap<>();
    history.stream()
        .filter(entry -> KIND.equals(entry.kind()))
        .sorted(Comparator.comparingLong(HistoryEntry::sequenceNumber))
        .forEach(
            entry -> {
              Object body = entry.payload().get("body");
              Object goals = entry.payload().get("goalIds");
              Object benefit = entry.payload().get("benefitForResidents");
              byBody.put(
                  String.valueOf(body),
                  new GoalLink(
                      String.valueOf(body),
                      goals instanceof List<?> ids
                          ? ids.stream().map(String::valueOf).toList()
                          : List.of(),
                      benefit == null ? null : benefit.toString(),
                      entry.effectiveDate(),
                      entry.actor(),
                      entry.recordedAt()));
            });
    return byBody.values().stream().sorted(Comparator.comparing(GoalLink::body)).toList();
  }
}
