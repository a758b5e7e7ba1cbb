package org.forumledger.events.testing;

import static org.forumledger.events.testing.ForumEvents.forum;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.forumledger.events.Body;
import org.forumledger.events.CostCategory;
import org.forumledger.events.CostStatus;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.ForumStatus;

/**
 * The shipped 2023 inventory ({@code data/inventory-2023.csv}) as the importer records it: per row
 * the forum (section as id and reference, name, area, subarea, convener), the KS and SLK headcounts
 * as the events of before units existed name them, the 2023 fee and other cost, and a status other
 * than active. Its 2023 totals are those of the report: fees 7 905 000 SEK, other costs 2 079 000
 * SEK, 6 forums with a cost not calculated. Read from the repository's {@code data} folder, so a
 * test using it runs from a module directory.
 */
public final class Inventory2023 {

  public static final Path DATA = Path.of("..", "data", "inventory-2023.csv");
  public static final String RECORDED = "2024-02-26T09:15:00Z";

  private Inventory2023() {}

  public static List<CSVRecord> rows() {
    try (Reader in = Files.newBufferedReader(DATA, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every row's facts, in the file's order. */
  public static List<EventEnvelope> facts(EventStream events) {
    List<EventEnvelope> all = new ArrayList<>();
    for (CSVRecord r : rows()) {
      all.addAll(facts(events, r));
    }
    return all;
  }

  /** A row's facts as the importer records them (see inventory-importer's RowMapper). */
  public static List<EventEnvelope> facts(EventStream events, CSVRecord r) {
    String id = r.get("section");
    List<EventEnvelope> facts = new ArrayList<>();
    facts.add(
        events.envelope(
            forum(id)
                .registered()
                .reference(id)
                .named(r.get("name"))
                .inArea(r.get("area"))
                .convenedBy(r.get("convener").isEmpty() ? null : r.get("convener"))
                .subarea(r.get("subarea").isEmpty() ? null : r.get("subarea")),
            RECORDED,
            "2023-01-01"));
    if (!r.get("slk_min").isEmpty()) {
      facts.add(
          events.envelope(
              forum(id)
                  .headcount(2023, Body.SLK)
                  .people(Integer.parseInt(r.get("slk_min")), Integer.parseInt(r.get("slk_max")))
                  .asWritten(r.get("slk_as_written")),
              RECORDED,
              null));
    }
    if (!r.get("ks_count").isEmpty()) {
      int ks = Integer.parseInt(r.get("ks_count"));
      facts.add(
          events.envelope(
              forum(id)
                  .headcount(2023, Body.KS)
                  .people(ks, ks)
                  .asWritten(r.get("ks_as_written").isEmpty() ? null : r.get("ks_as_written")),
              RECORDED,
              null));
    } else if (!r.get("ks_as_written").isEmpty()) {
      // "2 per forum" (2.14.6): the words only, no count invented
      facts.add(
          events.envelope(
              forum(id).headcount(2023, Body.KS).onlyAsWritten(r.get("ks_as_written")),
              RECORDED,
              null));
    }
    CostStatus fee = CostStatus.valueOf(r.get("fee_status"));
    facts.add(
        events.envelope(
            switch (fee) {
              case AMOUNT ->
                  r.get("fee_currency").isEmpty() || r.get("fee_currency").equals("SEK")
                      ? forum(id).fee(2023).amount(sek(r.get("fee_tkr")))
                      // ECCAR (2.8.4): 1 500 EUR beside the printed 16 tkr, the rate implied
                      : forum(id)
                          .fee(2023)
                          .inCurrencyWithSek(
                              r.get("fee_currency"),
                              r.get("fee_original_amount"),
                              sek(r.get("fee_tkr")));
              case REPORTED_UNDER -> forum(id).fee(2023).reportedUnder(r.get("fee_reported_under"));
              default -> forum(id).fee(2023).status(fee);
            },
            RECORDED,
            null));
    CostStatus other = CostStatus.valueOf(r.get("other_cost_status"));
    facts.add(
        events.envelope(
            switch (other) {
              case AMOUNT ->
                  forum(id).otherCost(2023).line(CostCategory.OTHER, sek(r.get("other_cost_tkr")));
              case REPORTED_UNDER ->
                  forum(id).otherCost(2023).reportedUnder(r.get("other_cost_reported_under"));
              default -> forum(id).otherCost(2023).status(other);
            },
            RECORDED,
            null));
    if (!r.get("status").equals("ACTIVE")) {
      facts.add(
          events.envelope(
              forum(id).status(ForumStatus.valueOf(r.get("status"))).from("2023-01-01"),
              RECORDED,
              null));
    }
    return facts;
  }

  private static String sek(String tkr) {
    return new BigDecimal(tkr).multiply(BigDecimal.valueOf(1000)).toPlainString();
  }
}
