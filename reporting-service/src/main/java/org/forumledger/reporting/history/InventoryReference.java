package org.forumledger.reporting.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
    List<String> left = parts(a);
    List<String> right = parts(b);
    for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
      int result = comparePart(left.get(i), right.get(i));
      if (result != 0) {
        return result;
      }
    }
    return Integer.compare(left.size(), right.size());
  }

  /** The dot-separated parts, as {@code String.split("\\.")} gives them, without a regex. */
  private static List<String> parts(String reference) {
    List<String> parts = new ArrayList<>(4);
    int start = 0;
    for (int dot = reference.indexOf('.'); dot >= 0; dot = reference.indexOf('.', start)) {
      parts.add(reference.substring(start, dot));
      start = dot + 1;
    }
    if (start == 0) {
      return List.of(reference);
    }
    parts.add(reference.substring(start));
    while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1);
    }
    return parts;
  }

  private static int comparePart(String a, String b) {
    if (isNumber(a) && isNumber(b)) {
      String x = withoutLeadingZeros(a);
      String y = withoutLeadingZeros(b);
      return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
    return a.compareTo(b);
  }

  private static boolean isNumber(String part) {
    if (part.isEmpty()) {
      return false;
    }
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String withoutLeadingZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }
}
