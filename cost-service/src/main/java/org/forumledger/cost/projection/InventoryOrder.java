package org.forumledger.cost.projection;

import java.util.Comparator;

/** Orders inventory references numerically per dot-part: 2.3.1 before 2.10.1; missing ones last. */
public final class InventoryOrder implements Comparator<String> {

  public static final InventoryOrder INSTANCE = new InventoryOrder();

  private InventoryOrder() {}

  @Override
  public int compare(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int c = comparePart(left[i], right[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(left.length, right.length);
  }

  private static int comparePart(String a, String b) {
    try {
      return Long.compare(Long.parseLong(a.trim()), Long.parseLong(b.trim()));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }
}
