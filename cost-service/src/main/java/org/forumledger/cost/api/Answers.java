package org.forumledger.cost.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.forumledger.cost.projection.ForumFacts;
import org.forumledger.cost.readmodel.FactStore;
import org.forumledger.cost.readmodel.ReadModelState;
import org.springframework.stereotype.Component;

/**
 * Answers kept by the read model version they were computed at. Every change to the read model
 * moves the version in the transaction that makes it, and a question is answered in one snapshot
 * with the version it read, so an answer computed at a version is the answer at that version,
 * labelled with that version's position, for as long as the version stays. Each is computed once
 * per version, from the facts loaded once per version.
 */
@Component
class Answers {

  /** About the forum rows a cache may hold in all, counting an answer by the forums it covers. */
  private static final long MAX_WEIGHT = 200_000;

  private final FactStore facts;
  private final Cache<Question, Weighed> answers =
      Caffeine.newBuilder()
          .maximumWeight(MAX_WEIGHT)
          .<Question, Weighed>weigher((question, answer) -> answer.weight())
          .build();
  private final Cache<Long, FactsAt> allFacts = Caffeine.newBuilder().maximumSize(2).build();
  private final AtomicLong newestVersion = new AtomicLong(-1);

  Answers(FactStore facts) {
    this.facts = facts;
  }

  /**
   * A question about every forum, asked in the caller's snapshot at {@code at}.
   *
   * @param name which question; {@code parameters} tell one asking of it from another
   */
  <T> T aboutAllForums(
      ReadModelState at, String name, Function<List<ForumFacts>, T> answer, Object... parameters) {
    return answer(
        at,
        name,
        parameters,
        () -> {
          List<ForumFacts> forums = forumsAt(at).all();
          return new Weighed(answer.apply(forums), forums.size());
        });
  }

  /** A question about one forum, asked in the caller's snapshot at {@code at}. */
  <T> T aboutForum(
      ReadModelState at,
      String name,
      String forumId,
      Function<Optional<ForumFacts>, T> answer,
      Object... parameters) {
    Object[] key = Arrays.copyOf(parameters, parameters.length + 1);
    key[parameters.length] = forumId;
    return answer(at, name, key, () -> new Weighed(answer.apply(forumAt(at, forumId)), 1));
  }

  @SuppressWarnings("unchecked")
  private <T> T answer(
      ReadModelState at, String name, Object[] parameters, Supplier<Weighed> compute) {
    forgetBefore(at.version());
    Question question = new Question(at.version(), name, Arrays.asList(parameters));
    return (T) answers.get(question, q -> compute.get()).answer();
  }

  private FactsAt forumsAt(ReadModelState at) {
    return allFacts.get(
        at.version(),
        version -> {
          List<ForumFacts> all = facts.loadAll();
          return new FactsAt(
              all,
              all.stream().collect(Collectors.toMap(ForumFacts::forumId, Function.identity())));
        });
  }

  /** From the facts of every forum when they are at hand at this version, else just this one. */
  private Optional<ForumFacts> forumAt(ReadModelState at, String forumId) {
    FactsAt loaded = allFacts.getIfPresent(at.version());
    if (loaded != null) {
      return Optional.ofNullable(forumId == null ? null : loaded.byId().get(forumId));
    }
    return facts.load(forumId);
  }

  /** Answers at older versions will not be asked for again by readers that see the newer one. */
  private void forgetBefore(long version) {
    long before = newestVersion.getAndAccumulate(version, Math::max);
    if (version > before) {
      answers.asMap().keySet().removeIf(question -> question.version() < version);
      allFacts.asMap().keySet().removeIf(v -> v < version);
    }
  }

  private record Question(long version, String name, List<Object> parameters) {}

  private record Weighed(Object answer, int weight) {}

  private record FactsAt(List<ForumFacts> all, Map<String, ForumFacts> byId) {}
}
