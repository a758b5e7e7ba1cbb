package org.forumledger.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The real inventory and the small fixtures, read from the test classpath. */
final class InventoryFixtures {

  static final String MALFORMED = "inventory/inventory-with-malformed-row.csv";

  private InventoryFixtures() {}

  static String text(String resource) {
    try (InputStream in = InventoryFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String realInventory() {
    return text(InventoryImport.DEFAULT_RESOURCE);
  }

  /** The real inventory's rows by section. */
  static Map<String, InventoryRow> realRows() {
    Map<String, InventoryRow> rows = new LinkedHashMap<>();
    for (InventoryRow row : InventoryCsv.parse(realInventory()).rows()) {
      rows.put(row.get("section"), row);
    }
    return rows;
  }

  static InventoryRow realRow(String section) {
    InventoryRow row = realRows().get(section);
    if (row == null) {
      throw new IllegalArgumentException("no section " + section + " in the inventory");
    }
    return row;
  }

  /** A copy of the row with some fields replaced. */
  static InventoryRow with(InventoryRow row, String... columnsAndValues) {
    Map<String, String> values = new LinkedHashMap<>(row.values());
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      values.put(columnsAndValues[i], columnsAndValues[i + 1]);
    }
    return new InventoryRow(row.line(), values, row.fieldCount());
  }
}
