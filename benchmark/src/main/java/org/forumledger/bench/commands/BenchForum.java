package org.forumledger.bench.commands;

/**
 * A forum one client registered and alone changes, so its If-Match is always the forum's current
 * version and a 412 is a fault of the registry, never of the benchmark.
 */
public final class BenchForum {

  private final String forumId;
  private long version;
  private int appointments;

  public BenchForum(String forumId, long version) {
    this.forumId = forumId;
    this.version = version;
  }

  public String forumId() {
    return forumId;
  }

  public long version() {
    return version;
  }

  void version(long version) {
    this.version = version;
  }

  int nextAppointment() {
    return ++appointments;
  }
}
