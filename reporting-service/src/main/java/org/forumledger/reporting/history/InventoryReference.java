package org.forumledger.reporting.history;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Orders inventory references like the report does: numerically per dot-part, 2.3.1 before 2.10.1.
 */
public final class InventoryReference {

  public static final Comparator<String> ORDER = InventoryReference::compare;

  private InventoryReference() {}

  public static int compare(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int result = comparePart(left[i], right[i]);
      if (result != 0) {
        return result;
      }
    }
    return Integer.compare(left.length, right.length);
  }

  private static int comparePart(String a, String b) {
    boolean numeric = a.matches("\\d+") && b.matches("\\d+");
    if (numeric) {
      return new BigInteger(a).compareTo(new BigInteger(b));
    }
    return a.compareTo(b);
  }
}
