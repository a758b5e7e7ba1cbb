package org.forumledger.reporting.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reporting's and the cost service's actual totals for one year, each with the registry position it
 * reflects, and the chain each holds beside the one the registry published. They can only be
 * expected to agree at the same position.
 */
public record Reconciliation(
    int year,
    Side reporting,
    Side cost,
    ChainComparison chain,
    boolean samePosition,
    boolean agree,
    List<String> differences) {

  /** One service's totals, reduced to the figures both must share. */
  public record Side(
      long position,
      int forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal otherCostTotal,
      int notCalculatedCount,
      List<Area> byArea) {}

  public record Area(
      String area,
      int forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal otherCostTotal,
      int notCalculatedCount) {}

  static Reconciliation of(int year, Side reporting, Side cost, ChainComparison chain) {
    List<String> differences = new ArrayList<>(chain.differences());
    boolean samePosition = reporting.position() == cost.position() && chain.sameLink();
    if (!chain.sameLink() && chain.registry() != null) {
      differences.add(
          "chain sequences differ: registry "
              + chain.registry().chainSequence()
              + ", reporting "
              + chain.reporting().chainSequence()
              + ", cost "
              + chain.cost().chainSequence());
    }
    if (reporting.position() != cost.position()) {
      differences.add(
          "positions differ: reporting " + reporting.position() + ", cost " + cost.position());
    }
    compare(differences, "forumCount", reporting.forumCount(), cost.forumCount());
    compare(differences, "annualFeeTotal", reporting.annualFeeTotal(), cost.annualFeeTotal());
    compare(differences, "otherCostTotal", reporting.otherCostTotal(), cost.otherCostTotal());
    compare(
        differences,
        "notCalculatedCount",
        reporting.notCalculatedCount(),
        cost.notCalculatedCount());
    Map<String, Area> costAreas = new LinkedHashMap<>();
    cost.byArea().forEach(a -> costAreas.put(a.area(), a));
    for (Area mine : reporting.byArea()) {
      Area theirs = costAreas.remove(mine.area());
      if (theirs == null) {
        differences.add("area '" + mine.area() + "' only in reporting");
        continue;
      }
      String prefix = "byArea[" + mine.area() + "].";
      compare(differences, prefix + "forumCount", mine.forumCount(), theirs.forumCount());
      compare(
          differences, prefix + "annualFeeTotal", mine.annualFeeTotal(), theirs.annualFeeTotal());
      compare(
          differences, prefix + "otherCostTotal", mine.otherCostTotal(), theirs.otherCostTotal());
      compare(
          differences,
          prefix + "notCalculatedCount",
          mine.notCalculatedCount(),
          theirs.notCalculatedCount());
    }
    costAreas.keySet().forEach(area -> differences.add("area '" + area + "' only in cost"));
    return new Reconciliation(
        year,
        reporting,
        cost,
        chain,
        samePosition,
        differences.isEmpty(),
        List.copyOf(differences));
  }

  private static void compare(List<String> differences, String field, Object mine, Object theirs) {
    boolean equal =
        mine instanceof BigDecimal a && theirs instanceof BigDecimal b
            ? a.compareTo(b) == 0
            : Objects.equals(mine, theirs);
    if (!equal) {
      differences.add(field + ": reporting " + mine + ", cost " + theirs);
    }
  }
}
