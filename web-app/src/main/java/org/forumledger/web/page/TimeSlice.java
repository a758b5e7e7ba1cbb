package org.forumledger.web.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The two times every page can be drawn at: the world as of a date, as the ledger knew it at a
 * moment. Both absent means now. Carried from page to page as the query parameters {@code asOf} and
 * {@code knownAt}; the moment is entered in Swedish local time.
 */
public record TimeSlice(LocalDate asOf, Instant knownAt) {

  public static final ZoneId LOCAL_TIME = ZoneId.of("Europe/Stockholm");

  public static TimeSlice from(MultiValueMap<String, String> query) {
    return new TimeSlice(date(query.getFirst("asOf")), moment(query.getFirst("knownAt")));
  }

  public boolean current() {
    return asOf == null && knownAt == null;
  }

  /** The moment as a {@code datetime-local} input shows it. */
  public String knownAtInput() {
    return knownAt == null
        ? ""
        : LocalDateTime.ofInstant(knownAt, LOCAL_TIME).truncatedTo(ChronoUnit.MINUTES).toString();
  }

  /** {@code path} with this slice's query parameters, for links that keep the page's times. */
  public String link(String path) {
    return withParameters(UriComponentsBuilder.fromUriString(path)).build().encode().toUriString();
  }

  /** Adds {@code asOf} and {@code knownAt} as the services take them. */
  public UriComponentsBuilder withParameters(UriComponentsBuilder uri) {
    if (asOf != null) {
      uri.queryParam("asOf", asOf.toString());
    }
    if (knownAt != null) {
      uri.queryParam("knownAt", knownAt.toString());
    }
    return uri;
  }

  private static LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** An instant as the services write it, or a local date-time as the picker sends it. */
  private static Instant moment(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notAnInstant) {
      try {
        return LocalDateTime.parse(text).atZone(LOCAL_TIME).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }
}
