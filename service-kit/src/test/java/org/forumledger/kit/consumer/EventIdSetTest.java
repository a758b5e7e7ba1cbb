package org.forumledger.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EventIdSetTest {

  enum Operation {
    ADD,
    REMOVE,
    CONTAINS
  }

  record Step(Operation operation, String id) {}

  /** Any sequence of operations answers as a HashSet of the same strings answers. */
  @Property(tries = 300)
  void answersAsAHashSetOfTheSameIds(@ForAll("steps") List<Step> steps) {
    EventIdSet ids = new EventIdSet();
    Set<String> model = new HashSet<>();
    for (Step step : steps) {
      switch (step.operation()) {
        case ADD ->
            assertThat(ids.add(step.id())).as(step.toString()).isEqualTo(model.add(step.id()));
        case REMOVE ->
            assertThat(ids.remove(step.id()))
                .as(step.toString())
                .isEqualTo(model.remove(step.id()));
        case CONTAINS ->
            assertThat(ids.contains(step.id()))
                .as(step.toString())
                .isEqualTo(model.contains(step.id()));
      }
      assertThat(ids.size()).isEqualTo(model.size());
    }
    for (String id : model) {
      assertThat(ids.contains(id)).as(id).isTrue();
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    // a small pool of UUIDs, so that adds, removes and probes meet the same ids again
    List<UUID> pool =
        Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong()))
            .list()
            .ofSize(40)
            .sample();
    Arbitrary<String> uuid = Arbitraries.of(pool).map(UUID::toString);
    Arbitrary<String> id =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, uuid),
            // the same UUID in upper case is another id
            net.jqwik.api.Tuple.of(1, uuid.map(u -> u.toUpperCase(Locale.ROOT))),
            net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(40)));
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(5, Arbitraries.just(Operation.ADD)),
                    net.jqwik.api.Tuple.of(2, Arbitraries.just(Operation.REMOVE)),
                    net.jqwik.api.Tuple.of(3, Arbitraries.just(Operation.CONTAINS))),
                id)
            .as(Step::new);
    return step.list().ofMaxSize(400);
  }

  @Test
  void holdsAMillionIdsAndFindsEachAgain() {
    EventIdSet ids = new EventIdSet();
    for (long i = 0; i < 1_000_000; i++) {
      assertThat(ids.add(new UUID(i * 31, i).toString())).isTrue();
    }
    assertThat(ids.size()).isEqualTo(1_000_000);
    assertThat(ids.add(new UUID(31 * 999_999L, 999_999L).toString())).isFalse();
    assertThat(ids.contains(new UUID(0, 1_000_000).toString())).isFalse();
    for (long i = 0; i < 1_000_000; i += 997) {
      assertThat(ids.contains(new UUID(i * 31, i).toString())).isTrue();
    }
  }
}
