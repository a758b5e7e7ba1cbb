package org.forumledger.importer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.forumledger.events.EventJson;

/**
 * The units and council goals the 2023 report names ({@code data/units-and-goals-2023.json}), each
 * with the phrase it is taken from; the import registers them before the forums.
 *
 * @param document the report's case number and title, the {@code source.document} of every entry
 * @param effectiveDate the report's date, the valid time of each registration
 * @param assumptions what the file assumes beyond the text, in words
 */
public record CityData(
    String document,
    LocalDate effectiveDate,
    List<String> assumptions,
    List<UnitEntry> units,
    List<GoalEntry> goals) {

  static final String RESOURCE = "inventory/units-and-goals-2023.json";

  public CityData {
    assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
    units = units == null ? List.of() : List.copyOf(units);
    goals = goals == null ? List.of() : List.copyOf(goals);
  }

  public record UnitEntry(
      String code,
      String name,
      String kind,
      String partOf,
      LocalDate validFrom,
      LocalDate validTo,
      String phrase) {}

  public record GoalEntry(
      String goalId, String period, String title, String budgetReference, String phrase) {}

  record Source(String document, String phrase) {}

  /** The body of {@code PUT /units/{code}}. */
  record UnitBody(
      String name,
      String kind,
      String partOf,
      LocalDate validFrom,
      LocalDate validTo,
      Source source,
      LocalDate effectiveDate,
      String reason) {}

  /** The body of {@code PUT /goals/{goalId}}. */
  record GoalBody(
      String period,
      String title,
      String budgetReference,
      Source source,
      LocalDate effectiveDate,
      String reason) {}

  /** Nothing to register: an import of forums alone. */
  static CityData none() {
    return new CityData(null, null, List.of(), List.of(), List.of());
  }

  /** The file shipped inside the importer's jar. */
  public static CityData shipped() {
    ClassLoader loader = CityData.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("resource " + RESOURCE + " is not on the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  static CityData parse(String json) throws IOException {
    ObjectMapper mapper =
        EventJson.newMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return mapper.readValue(json, CityData.class);
  }

  String reason() {
    return "As stated in " + document;
  }

  UnitBody body(UnitEntry unit) {
    return new UnitBody(
        unit.name(),
        unit.kind(),
        unit.partOf(),
        unit.validFrom(),
        unit.validTo(),
        new Source(document, unit.phrase()),
        effectiveDate,
        reason());
  }

  GoalBody body(GoalEntry goal) {
    return new GoalBody(
        goal.period(),
        goal.title(),
        goal.budgetReference(),
        new Source(document, goal.phrase()),
        effectiveDate,
        reason());
  }
}
