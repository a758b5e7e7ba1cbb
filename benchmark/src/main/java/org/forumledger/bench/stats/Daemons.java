package org.forumledger.bench.stats;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads with names that say what they do, so a stuck run never keeps the JVM alive. */
public final class Daemons {

  private Daemons() {}

  public static ThreadFactory named(String prefix) {
    AtomicInteger next = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + next.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  public static Thread start(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
