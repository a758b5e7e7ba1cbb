package org.forumledger.registry.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The forums used last, held strongly up to a bound, least recently used first out. Axon's {@code
 * WeakReferenceCache} loses every forum no command holds at the next young collection, which under
 * load comes several times a second: most writes then read the snapshot table and the whole stream
 * again.
 */
final class RecentForums implements Cache {

  private final Map<Object, Object> entries;

  RecentForums(int bound) {
    this.entries =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > bound;
          }
        };
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <K, V> V get(K key) {
    return (V) entries.get(key);
  }

  @Override
  public synchronized void put(Object key, Object value) {
    entries.put(key, value);
  }

  @Override
  public synchronized boolean putIfAbsent(Object key, Object value) {
    return entries.putIfAbsent(key, value) == null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
    return (T) entries.computeIfAbsent(key, k -> valueSupplier.get());
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
    entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
  }

  @Override
  public synchronized boolean remove(Object key) {
    return entries.remove(key) != null;
  }

  @Override
  public synchronized void removeAll() {
    entries.clear();
  }

  @Override
  public synchronized boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  /**
   * No one listens to the aggregates' cache; a listener would be told nothing, so none is taken.
   */
  @Override
  public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
    throw new UnsupportedOperationException("the forums in memory take no listeners");
  }
}
