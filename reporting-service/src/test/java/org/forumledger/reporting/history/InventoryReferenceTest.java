package org.forumledger.reporting.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The report's order of references, and the same order as the regex-based rule it replaced. */
class InventoryReferenceTest {

  @Test
  void ordersNumericallyPerPart() {
    List<String> references = new ArrayList<>(List.of("2.10.1", "2.3.1", "2.14.6", "10", "2.3"));
    references.sort(InventoryReference.ORDER);
    assertThat(references).containsExactly("2.3", "2.3.1", "2.10.1", "2.14.6", "10");
  }

  @Test
  void agreesWithSplittingOnDotsAndComparingBigIntegers() {
    Random random = new Random(42);
    String alphabet = "0.019a.";
    for (int i = 0; i < 20_000; i++) {
      String a = randomReference(random, alphabet);
      String b = randomReference(random, alphabet);
      assertThat(Integer.signum(InventoryReference.compare(a, b)))
          .as("%s vs %s", a, b)
          .isEqualTo(Integer.signum(bySplitting(a, b)));
    }
  }

  private static String randomReference(Random random, String alphabet) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(7);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static int bySplitting(String a, String b) {
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int result =
          left[i].matches("\\d+") && right[i].matches("\\d+")
              ? new BigInteger(left[i]).compareTo(new BigInteger(right[i]))
              : left[i].compareTo(right[i]);
      if (result != 0) {
        return result;
      }
    }
    return Integer.compare(left.length, right.length);
  }
}
