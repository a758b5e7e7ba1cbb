package org.forumledger.reporting.support;

import static org.forumledger.events.testing.ForumEvents.forum;
import static org.forumledger.reporting.support.Events.registered;

import java.util.List;
import org.forumledger.events.Body;
import org.forumledger.events.CostStatus;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.testing.EventStream;

/**
 * A small slice of the 2023 inventory: Reväst (fee 70 tkr, other 15 tkr), the structural-fund
 * partnership (other cost not calculated), STRING with a EUR fee, and a Eurocities forum whose
 * costs are reported under 2.14.6.
 *
 * <p>Its 2023 totals are the constants below: four forums, fees 70 000 + 17 250.00, other costs 15
 * 000 + 2 250.50, one forum with a cost not calculated.
 */
public final class Fixture {

  public static final String REGIONAL = "Regional utveckling";
  public static final String TRANSPORT = "Infrastruktur inom transport och kollektivtrafik";
  public static final String INTERNATIONAL = "EU-frågor och internationellt";
  public static final String T0 = "2024-02-26T09:15:00Z";

  public static final int FORUMS_2023 = 4;
  public static final String FEES_2023 = "87250.00";
  public static final String OTHER_2023 = "17250.50";
  public static final int NOT_CALCULATED_2023 = 1;

  private Fixture() {}

  public static List<EventEnvelope> inventory2023(EventStream events) {
    return List.of(
        events.envelope(
            registered("revast", "2.1.3", "Reväst", REGIONAL, "Reväst"), T0, "2023-01-01"),
        events.envelope(forum("revast").fee(2023).amount("70000"), T0, "2023-01-01"),
        events.envelope(forum("revast").otherCost(2023).staff("15000"), T0, "2023-01-01"),
        events.envelope(forum("revast").headcount(2023, Body.SLK).people(1, 1), T0, null),
        events.envelope(
            registered(
                "struktur", "2.1.2", "Västsveriges strukturfondspartnerskap", REGIONAL, "VGR"),
            T0,
            "2023-01-01"),
        events.envelope(forum("struktur").fee(2023).status(CostStatus.NONE), T0, null),
        events.envelope(
            forum("struktur").otherCost(2023).status(CostStatus.NOT_CALCULATED), T0, null),
        events.envelope(
            forum("struktur")
                .appointed("s-1")
                .person("Anna Ledamot")
                .of(Body.KS)
                .valid("2023-01-01", "2026-12-31"),
            T0,
            null),
        events.envelope(
            registered("string", "2.2.10", "STRING", TRANSPORT, "STRING"), T0, "2023-01-01"),
        events.envelope(forum("string").fee(2023).amount("17250.00"), T0, null),
        events.envelope(forum("string").otherCost(2023).staff("2250.50"), T0, null),
        events.envelope(forum("string").headcount(2023, Body.SLK).people(1, 2), T0, null),
        events.envelope(
            forum("string").headcount(2023, Body.KS).people(2, 2).asWritten("2 per forum"),
            T0,
            null),
        events.envelope(
            registered(
                "euro-env",
                "2.14.6.1",
                "Eurocities Environment Forum",
                INTERNATIONAL,
                "Eurocities"),
            T0,
            "2023-01-01"),
        events.envelope(forum("euro-env").fee(2023).reportedUnder("2.14.6"), T0, null),
        events.envelope(forum("euro-env").otherCost(2023).reportedUnder("2.14.6"), T0, null));
  }
}
