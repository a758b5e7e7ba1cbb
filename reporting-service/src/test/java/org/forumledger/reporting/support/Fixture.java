package org.forumledger.reporting.support;

import static org.forumledger.reporting.support.Events.appointed;
import static org.forumledger.reporting.support.Events.fee;
import static org.forumledger.reporting.support.Events.feeStatus;
import static org.forumledger.reporting.support.Events.headcount;
import static org.forumledger.reporting.support.Events.otherCost;
import static org.forumledger.reporting.support.Events.otherCostStatus;
import static org.forumledger.reporting.support.Events.registered;

import java.util.List;
import org.forumledger.events.Body;
import org.forumledger.events.CostStatus;
import org.forumledger.events.EventEnvelope;

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

  public static List<EventEnvelope> inventory2023(Events events) {
    return List.of(
        events.envelope(
            registered("revast", "2.1.3", "Reväst", REGIONAL, "Reväst"), T0, "2023-01-01"),
        events.envelope(fee("revast", 2023, null, "70000"), T0, "2023-01-01"),
        events.envelope(otherCost("revast", 2023, "15000"), T0, "2023-01-01"),
        events.envelope(headcount("revast", 2023, Body.SLK, 1, 1, "1"), T0, null),
        events.envelope(
            registered(
                "struktur", "2.1.2", "Västsveriges strukturfondspartnerskap", REGIONAL, "VGR"),
            T0,
            "2023-01-01"),
        events.envelope(feeStatus("struktur", 2023, null, CostStatus.NONE), T0, null),
        events.envelope(otherCostStatus("struktur", 2023, CostStatus.NOT_CALCULATED), T0, null),
        events.envelope(
            appointed("struktur", "s-1", "Anna Ledamot", Body.KS, "2023-01-01", "2026-12-31"),
            T0,
            null),
        events.envelope(
            registered("string", "2.2.10", "STRING", TRANSPORT, "STRING"), T0, "2023-01-01"),
        events.envelope(fee("string", 2023, null, "17250.00"), T0, null),
        events.envelope(otherCost("string", 2023, "2250.50"), T0, null),
        events.envelope(headcount("string", 2023, Body.SLK, 1, 2, "1-2"), T0, null),
        events.envelope(headcount("string", 2023, Body.KS, 2, 2, "2 per forum"), T0, null),
        events.envelope(
            registered(
                "euro-env",
                "2.14.6.1",
                "Eurocities Environment Forum",
                INTERNATIONAL,
                "Eurocities"),
            T0,
            "2023-01-01"),
        events.envelope(feeStatus("euro-env", 2023, null, CostStatus.REPORTED_UNDER), T0, null),
        events.envelope(otherCostStatus("euro-env", 2023, CostStatus.REPORTED_UNDER), T0, null));
  }
}
