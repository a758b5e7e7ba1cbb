package org.forumledger.bench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts failures and keeps the first few, which are usually enough to see what went wrong. */
public final class Errors {

  private static final int KEPT = 5;

  private final AtomicLong count = new AtomicLong();
  private final List<String> first = new ArrayList<>();

  public void add(String description) {
    count.incrementAndGet();
    synchronized (first) {
      if (first.size() < KEPT) {
        first.add(description);
      }
    }
  }

  public long count() {
    return count.get();
  }

  public List<String> first() {
    synchronized (first) {
      return List.copyOf(first);
    }
  }
}
