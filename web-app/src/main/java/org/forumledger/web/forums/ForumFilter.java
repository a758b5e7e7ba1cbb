package org.forumledger.web.forums;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/** What the forum list is narrowed by: words in the name or purpose, and exact facets. */
public record ForumFilter(String q, String area, String convener, String kind, String status) {

  private static final Collator SWEDISH = Collator.getInstance(Locale.forLanguageTag("sv-SE"));

  public List<Forum> apply(List<Forum> forums) {
    return forums.stream()
        .filter(forum -> matchesWords(forum))
        .filter(forum -> matches(area, forum.area()))
        .filter(forum -> matches(convener, forum.convener()))
        .filter(forum -> matches(kind, forum.kind()))
        .filter(forum -> matches(status, forum.status()))
        .toList();
  }

  public boolean any() {
    return List.of(text(q), text(area), text(convener), text(kind), text(status)).stream()
        .anyMatch(value -> !value.isEmpty());
  }

  /** The distinct values of one facet, in Swedish alphabetical order. */
  public static List<String> choices(List<Forum> forums, Function<Forum, String> facet) {
    return forums.stream()
        .map(facet)
        .filter(Objects::nonNull)
        .filter(value -> !value.isBlank())
        .distinct()
        .sorted(Comparator.comparing(value -> value, SWEDISH))
        .toList();
  }

  private boolean matchesWords(Forum forum) {
    String words = text(q).toLowerCase(Locale.ROOT);
    if (words.isEmpty()) {
      return true;
    }
    String haystack =
        String.join(
                " ",
                Objects.toString(forum.inventoryReference(), ""),
                Objects.toString(forum.name(), ""),
                Objects.toString(forum.purpose(), ""),
                Objects.toString(forum.convener(), ""))
            .toLowerCase(Locale.ROOT);
    return java.util.Arrays.stream(words.split("\\s+")).allMatch(haystack::contains);
  }

  private static boolean matches(String wanted, String actual) {
    return text(wanted).isEmpty() || text(wanted).equals(actual);
  }

  private static String text(String value) {
    return value == null ? "" : value.strip();
  }
}
