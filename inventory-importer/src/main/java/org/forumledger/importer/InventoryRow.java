package org.forumledger.importer;

import java.util.Map;

/**
 * One data row of the inventory file as read, before any validation.
 *
 * @param line physical line number in the file where the row starts (the header is line 1)
 * @param values the row's fields by column name; missing columns are absent
 * @param fieldCount how many fields the row actually has
 */
record InventoryRow(long line, Map<String, String> values, int fieldCount) {

  InventoryRow {
    values = Map.copyOf(values);
  }

  /** The field stripped of surrounding whitespace, or null when empty: empty means "not stated". */
  String get(String column) {
    String value = values.get(column);
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** The section, as written, for messages; a placeholder when the row has none. */
  String sectionForMessages() {
    String section = get(InventoryCsv.SECTION);
    return section == null ? "(no section)" : section;
  }
}
