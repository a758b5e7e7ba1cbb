package org.forumledger.web.review;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.forumledger.web.forums.Forum;

/**
 * A review's scope as its page draws it: each participation with its forum's reference, name and
 * area (from the forum list when the review itself does not name them), in the inventory's order;
 * and the goals it serves by their titles.
 */
public record ReviewRows(
    List<Row> rows, Map<String, String> goalTitles, Map<String, String> forumNames) {

  /** One participation's row. */
  public record Row(City.Participation participation, String reference, String name, String area) {
    public String forumId() {
      return participation.forumId();
    }

    public String body() {
      return participation.body();
    }

    public boolean assessed() {
      return participation.assessment() != null;
    }

    /** The participation page's address under the review. */
    public String path(String reviewId) {
      return "/reviews/" + reviewId + "/participations/" + forumId() + "/" + body();
    }
  }

  public static ReviewRows of(
      List<City.Participation> scope, List<Forum> forums, List<City.Goal> goals) {
    Map<String, Forum> byId =
        forums.stream().collect(Collectors.toMap(Forum::forumId, Function.identity(), (a, b) -> a));
    List<Row> rows =
        scope.stream()
            .map(
                p -> {
                  Forum forum = byId.get(p.forumId());
                  return new Row(
                      p,
                      first(
                          p.inventoryReference(),
                          forum == null ? null : forum.inventoryReference()),
                      first(p.name(), forum == null ? p.forumId() : forum.name()),
                      first(p.area(), forum == null ? null : forum.area()));
                })
            .sorted(
                Comparator.comparing((Row r) -> referenceKey(r.reference()))
                    .thenComparing(r -> r.name() == null ? "" : r.name())
                    .thenComparing(Row::body))
            .toList();
    Map<String, String> titles =
        goals.stream().collect(Collectors.toMap(City.Goal::goalId, City.Goal::title, (a, b) -> a));
    Map<String, String> names =
        forums.stream()
            .collect(
                Collectors.toMap(
                    Forum::forumId,
                    f ->
                        (f.inventoryReference() == null ? "" : f.inventoryReference() + " ")
                            + f.name(),
                    (a, b) -> a));
    return new ReviewRows(rows, titles, names);
  }

  /** The rows of the participations named as missing, in the same order. */
  public List<Row> named(List<? extends Object> missing) {
    java.util.Set<String> keys =
        missing.stream().map(ReviewRows::key).collect(Collectors.toUnmodifiableSet());
    return rows.stream().filter(r -> keys.contains(r.forumId() + "/" + r.body())).toList();
  }

  /** A goal's title, or its id when the registry no longer lists it. */
  public String goalTitle(String goalId) {
    return goalTitles.getOrDefault(goalId, goalId);
  }

  /** A forum by its reference and name, or its id when the forum list does not have it. */
  public String forumName(String forumId) {
    return forumNames.getOrDefault(forumId, forumId);
  }

  public String goalTitles(List<String> goalIds) {
    return goalIds.stream().map(this::goalTitle).collect(Collectors.joining("; "));
  }

  private static String key(Object missing) {
    if (missing instanceof City.Missing m) {
      return m.forumId() + "/" + m.body();
    }
    if (missing instanceof org.forumledger.web.recording.Problem.Missing m) {
      return m.forumId() + "/" + m.body();
    }
    return String.valueOf(missing);
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  /** {@code 2.10.1} after {@code 2.9.3}: each part compared as a number. */
  static String referenceKey(String reference) {
    if (reference == null) {
      return "~";
    }
    StringBuilder key = new StringBuilder();
    for (String part : reference.split("\\.")) {
      key.append(part.matches("\\d+") ? String.format("%05d", Integer.parseInt(part)) : part)
          .append('.');
    }
    return key.toString();
  }
}
