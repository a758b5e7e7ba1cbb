package org.forumledger.localstack;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The data file's own sums for 2023, computed straight from the CSV and independently of the
 * importer and the services, to check the services' totals against.
 */
record InventorySums(Area total, Map<String, Area> byArea) {

  record Area(
      int forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal otherCostTotal,
      int notCalculatedCount) {
    static final Area EMPTY = new Area(0, BigDecimal.ZERO, BigDecimal.ZERO, 0);

    Area plus(CSVRecord row) {
      boolean notCalculated =
          row.get("fee_status").equals("NOT_CALCULATED")
              || row.get("other_cost_status").equals("NOT_CALCULATED");
      return new Area(
          forumCount + 1,
          annualFeeTotal.add(sek(row, "fee_status", "fee_tkr")),
          otherCostTotal.add(sek(row, "other_cost_status", "other_cost_tkr")),
          notCalculatedCount + (notCalculated ? 1 : 0));
    }

    private static BigDecimal sek(CSVRecord row, String status, String tkr) {
      return row.get(status).equals("AMOUNT")
          ? new BigDecimal(row.get(tkr)).movePointRight(3)
          : BigDecimal.ZERO;
    }
  }

  static InventorySums of(Path csv) throws IOException {
    Area total = Area.EMPTY;
    Map<String, Area> byArea = new LinkedHashMap<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord row :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        total = total.plus(row);
        byArea.merge(
            row.get("area"),
            Area.EMPTY.plus(row),
            (a, b) ->
                new Area(
                    a.forumCount() + b.forumCount(),
                    a.annualFeeTotal().add(b.annualFeeTotal()),
                    a.otherCostTotal().add(b.otherCostTotal()),
                    a.notCalculatedCount() + b.notCalculatedCount()));
      }
    }
    return new InventorySums(total, byArea);
  }
}
