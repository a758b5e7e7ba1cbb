package org.forumledger.events;

import org.axonframework.serialization.Revision;

/**
 * One of the city council's goals (kommunfullmäktiges målsättningar) for a mandate period, such as
 * a budget goal, against which participation in forums is judged.
 *
 * @param goalId a short stable id, e.g. {@code kompetensforsorjning-2023}
 * @param period the mandate period whose budget states it
 * @param title the goal as the council words it
 * @param budgetReference the budget decision that states it, or null when not known
 * @param source the document and phrase it is taken from, or null when a registrar entered it
 */
@Revision("1")
public record CouncilGoalRegistered(
    String goalId,
    MandatePeriod period,
    String title,
    String budgetReference,
    SourceReference source)
    implements GoalEvent {

  /** The goal after {@code revised}. */
  public CouncilGoalRegistered revisedBy(CouncilGoalRevised revised) {
    return new CouncilGoalRegistered(
        goalId, period, revised.title(), revised.budgetReference(), revised.source());
  }
}
