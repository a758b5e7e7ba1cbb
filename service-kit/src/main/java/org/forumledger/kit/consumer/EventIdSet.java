package org.forumledger.kit.consumer;

import java.util.HashSet;
import java.util.Set;

/**
 * The event ids a fold in memory has handled, for a rebuild or a replay of the whole history. The
 * registry's ids are UUIDs; each is kept as its two longs in an open-addressing table, about 32
 * bytes an id where a {@code HashSet<String>} takes about 120, so a million-event history needs
 * tens of megabytes for its ids, not a hundred and more. An id that is not a UUID in its canonical
 * lower-case form is kept as text beside them, so nothing is ever taken for another.
 */
public final class EventIdSet {

  private long[] slots = new long[2 * 16];
  private boolean[] used = new boolean[16];
  private int size;
  private final Set<String> other = new HashSet<>();

  /** Adds {@code eventId}; false if it was there. */
  public boolean add(String eventId) {
    long[] uuid = canonicalUuid(eventId);
    if (uuid == null) {
      return other.add(eventId);
    }
    if ((size + 1) * 2 > used.length) {
      grow();
    }
    return insert(uuid[0], uuid[1]);
  }

  /** Removes {@code eventId}; false if it was not there. */
  public boolean remove(String eventId) {
    long[] uuid = canonicalUuid(eventId);
    if (uuid == null) {
      return other.remove(eventId);
    }
    int mask = used.length - 1;
    int i = slot(uuid[0], uuid[1], mask);
    while (used[i]) {
      if (slots[2 * i] == uuid[0] && slots[2 * i + 1] == uuid[1]) {
        used[i] = false;
        size--;
        reinsertAfter(i, mask);
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  public boolean contains(String eventId) {
    long[] uuid = canonicalUuid(eventId);
    if (uuid == null) {
      return other.contains(eventId);
    }
    int mask = used.length - 1;
    for (int i = slot(uuid[0], uuid[1], mask); used[i]; i = (i + 1) & mask) {
      if (slots[2 * i] == uuid[0] && slots[2 * i + 1] == uuid[1]) {
        return true;
      }
    }
    return false;
  }

  public int size() {
    return size + other.size();
  }

  private boolean insert(long most, long least) {
    int mask = used.length - 1;
    int i = slot(most, least, mask);
    while (used[i]) {
      if (slots[2 * i] == most && slots[2 * i + 1] == least) {
        return false;
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    slots[2 * i] = most;
    slots[2 * i + 1] = least;
    size++;
    return true;
  }

  /** Linear probing: the entries after a removed one move up where their probe allows. */
  private void reinsertAfter(int removed, int mask) {
    for (int i = (removed + 1) & mask; used[i]; i = (i + 1) & mask) {
      long most = slots[2 * i];
      long least = slots[2 * i + 1];
      used[i] = false;
      size--;
      insert(most, least);
    }
  }

  private void grow() {
    long[] oldSlots = slots;
    boolean[] oldUsed = used;
    slots = new long[oldSlots.length * 2];
    used = new boolean[oldUsed.length * 2];
    size = 0;
    for (int i = 0; i < oldUsed.length; i++) {
      if (oldUsed[i]) {
        insert(oldSlots[2 * i], oldSlots[2 * i + 1]);
      }
    }
  }

  private static int slot(long most, long least, int mask) {
    long h = most * 0x9E3779B97F4A7C15L ^ least;
    h ^= h >>> 31;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 29;
    return (int) h & mask;
  }

  /**
   * The UUID's two longs, or null when {@code id} is not a UUID as {@code UUID.toString} writes it.
   */
  private static long[] canonicalUuid(String id) {
    if (id == null || id.length() != 36) {
      return null;
    }
    long most = 0;
    long least = 0;
    int digits = 0;
    for (int i = 0; i < 36; i++) {
      char c = id.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return null;
        }
        continue;
      }
      int value = Character.digit(c, 16);
      if (value < 0 || Character.isUpperCase(c)) {
        return null;
      }
      if (digits < 16) {
        most = most << 4 | value;
      } else {
        least = least << 4 | value;
      }
      digits++;
    }
    return new long[] {most, least};
  }
}
