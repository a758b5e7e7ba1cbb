package org.forumledger.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.forumledger.events.CostCategory;
import org.forumledger.events.CostStatus;
import org.forumledger.events.FeeBasis;
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.Scope;

/**
 * The JSON bodies the importer sends. They mirror the registry's request bodies field for field but
 * are the importer's own: it is an HTTP client of the registry and must not depend on the server's
 * classes, only on the wire format and the contract enums.
 */
final class RegistryBodies {

  private RegistryBodies() {}

  record Range(Integer min, Integer max) {}

  record RegisterForum(
      String inventoryReference,
      String name,
      String purpose,
      String area,
      String subarea,
      ForumKind kind,
      String collaborationType,
      String convener,
      Scope scope,
      Range meetingsPerYear,
      MeetingMode meetingMode,
      LocalDate effectiveDate,
      String reason,
      String decisionReference) {}

  record Headcount(
      Range headcount,
      String asWritten,
      LocalDate effectiveDate,
      String reason,
      String decisionReference) {}

  record Fee(
      Integer toYear,
      CostStatus status,
      BigDecimal amount,
      String currency,
      BigDecimal exchangeRate,
      BigDecimal amountSek,
      FeeBasis basis,
      BigDecimal perInhabitantRateSek,
      Long population,
      BigDecimal projectTotalSek,
      String reportedUnder,
      LocalDate effectiveDate,
      String reason,
      String decisionReference) {}

  record CostLine(
      CostCategory category, BigDecimal amountSek, BigDecimal hours, BigDecimal hourlyCostSek) {}

  record OtherCost(
      CostStatus status,
      List<CostLine> lines,
      String reportedUnder,
      LocalDate effectiveDate,
      String reason,
      String decisionReference) {}

  record ChangeStatus(
      ForumStatus status, LocalDate effectiveDate, String reason, String decisionReference) {}
}
