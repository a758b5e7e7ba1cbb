package org.forumledger.events;

/**
 * A fact about one organisational unit; its stream is {@link #streamIdOf unit-CODE}, on the same
 * topic and in the same chain as every other fact.
 */
public sealed interface UnitEvent extends LedgerEvent permits UnitRegistered, UnitRevised {

  String STREAM_PREFIX = "unit-";

  Body unit();

  static String streamIdOf(Body unit) {
    return STREAM_PREFIX + unit.code();
  }

  @Override
  default String streamId() {
    return streamIdOf(unit());
  }
}
