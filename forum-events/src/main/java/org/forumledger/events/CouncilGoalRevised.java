package org.forumledger.events;

import org.axonframework.serialization.Revision;

/** A goal's wording, budget reference or source corrected; its id and period never change. */
@Revision("1")
public record CouncilGoalRevised(
    String goalId, String title, String budgetReference, SourceReference source)
    implements GoalEvent {}
