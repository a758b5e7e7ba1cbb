package org.forumledger.cost.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.forumledger.cost.projection.ForumFacts;
import org.forumledger.cost.readmodel.FactStore;
import org.forumledger.cost.readmodel.ReadModelState;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers kept by the read model version they were computed at. Every change to the read model
 * moves the version in the transaction that makes it, and an answer is computed in one snapshot
 * with the version it read there, so an answer kept at a version is the answer at that version,
 * labelled with that version's position, for as long as the version stays. Each is computed once
 * per version, from the facts loaded once per version.
 */
@Component
public class Answers {

  /** About the forum rows a cache may hold in all, counting an answer by the forums it covers. */
  private static final long MAX_WEIGHT = 200_000;

  private final FactStore facts;
  private final TransactionTemplate snapshot;
  private final Cache<Question, Weighed> answers =
      Caffeine.newBuilder()
          .maximumWeight(MAX_WEIGHT)
          .<Question, Weighed>weigher((question, answer) -> answer.weight())
          .build();
  private final Cache<Long, FactsAt> allFacts = Caffeine.newBuilder().maximumSize(2).build();
  private final AtomicLong newestVersion = new AtomicLong(-1);

  Answers(FactStore facts, PlatformTransactionManager transactions) {
    this.facts = facts;
    this.snapshot = new TransactionTemplate(transactions);
    snapshot.setReadOnly(true);
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /**
   * A question about every forum.
   *
   * @param name which question; {@code parameters} tell one asking of it from another
   * @param answer the answer from the facts of every forum at a state, labelled with its position
   */
  public <T> T aboutAllForums(
      String name, BiFunction<ReadModelState, List<ForumFacts>, T> answer, Object... parameters) {
    return answer(
        name,
        parameters,
        at -> {
          List<ForumFacts> forums = forumsAt(at).all();
          return new Weighed(answer.apply(at, forums), forums.size());
        });
  }

  /** A question about one forum; {@code answer} is given the forum, empty when it is unknown. */
  <T> T aboutForum(
      String name,
      String forumId,
      BiFunction<ReadModelState, Optional<ForumFacts>, T> answer,
      Object... parameters) {
    Object[] key = Arrays.copyOf(parameters, parameters.length + 1);
    key[parameters.length] = forumId;
    return answer(name, key, at -> new Weighed(answer.apply(at, forumAt(at, forumId)), 1));
  }

  /**
   * A kept answer costs one read of the state row. Otherwise the state is read again in a
   * repeatable-read snapshot, and the answer computed from the facts in that same snapshot is kept
   * under the version that snapshot sees.
   */
  @SuppressWarnings("unchecked")
  private <T> T answer(
      String name, Object[] parameters, Function<ReadModelState, Weighed> compute) {
    List<Object> asked = Arrays.asList(parameters);
    ReadModelState now = facts.state();
    forgetBefore(now.version());
    Weighed kept = answers.getIfPresent(new Question(now.version(), name, asked));
    if (kept != null) {
      return (T) kept.answer();
    }
    return (T)
        snapshot
            .execute(
                status -> {
                  ReadModelState at = facts.state();
                  return answers.get(
                      new Question(at.version(), name, asked), q -> compute.apply(at));
                })
            .answer();
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
