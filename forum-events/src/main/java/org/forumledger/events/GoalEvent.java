package org.forumledger.events;

/** A fact about one of the city council's goals; its stream is {@link #streamIdOf goal-ID}. */
public sealed interface GoalEvent extends LedgerEvent
    permits CouncilGoalRegistered, CouncilGoalRevised {

  String STREAM_PREFIX = "goal-";

  String goalId();

  static String streamIdOf(String goalId) {
    return STREAM_PREFIX + goalId;
  }

  @Override
  default String streamId() {
    return streamIdOf(goalId());
  }
}
