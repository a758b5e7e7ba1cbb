package org.forumledger.reporting.support;

import static org.forumledger.events.testing.ForumEvents.forum;

import org.forumledger.events.testing.ForumRegisteredBuilder;

/** Registrations as the reporting tests name them: reference, name, area and convener. */
public final class Events {

  private Events() {}

  public static ForumRegisteredBuilder registered(String id, String ref, String name, String area) {
    return forum(id).registered().reference(ref).named(name).inArea(area);
  }

  public static ForumRegisteredBuilder registered(
      String id, String ref, String name, String area, String convener) {
    return registered(id, ref, name, area).convenedBy(convener);
  }
}
