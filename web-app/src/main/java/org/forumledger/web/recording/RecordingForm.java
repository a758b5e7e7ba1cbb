package org.forumledger.web.recording;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;

/**
 * One of the registrar's forms on a forum's page: the fields it draws and how a submission becomes
 * the registry's write. Every form also asks the effective date, the reason and the decision
 * reference (see {@link Submission#PROVENANCE}); the forms differ only in what is declared here.
 *
 * @param name the form's name: its element ids, its labels' keys and its message after success
 * @param action the last segment of the address the form posts to, under {@code /forums/{id}/}
 * @param write the registry's method, path under the forum and body for a submission
 */
public record RecordingForm(
    String name, String action, List<Field> fields, Function<Submission, Write> write) {

  /** What the registry is asked: {@code path} is relative to {@code /forums/{id}}. */
  public record Write(HttpMethod method, String path, Map<String, Object> body) {}

  /**
   * A field as drawn. A {@code pattern} is checked before anything is sent, for values that go into
   * the registry's address (a year, a body) rather than its body, which the registry validates.
   *
   * @param options the choices of a select; empty for a text or date field, or for a select whose
   *     choices depend on the forum (drawn from the page's {@code choices})
   */
  public record Field(
      String name,
      String type,
      String labelKey,
      boolean required,
      Pattern pattern,
      List<Option> options) {

    static Field text(String name, String labelKey, boolean required) {
      return new Field(name, "text", labelKey, required, null, List.of());
    }

    static Field year(String name, String labelKey, boolean required) {
      return new Field(name, "text", labelKey, required, YEAR, List.of());
    }

    static Field date(String name, String labelKey, boolean required) {
      return new Field(name, "date", labelKey, required, null, List.of());
    }

    static Field choice(String name, String labelKey, String prefix, String... values) {
      return new Field(
          name,
          "choice",
          labelKey,
          true,
          values.length == 0 ? null : Pattern.compile(String.join("|", values)),
          Arrays.stream(values).map(v -> new Option(v, prefix + v, null)).toList());
    }

    /** A select whose choices the page gives (the forum's current appointments). */
    static Field forumChoice(String name, String labelKey) {
      return new Field(name, "choice", labelKey, true, Pattern.compile(".+"), List.of());
    }

    /** A text of several lines (a rationale, a benefit for residents). */
    static Field longText(String name, String labelKey, boolean required) {
      return new Field(name, "textarea", labelKey, required, null, List.of());
    }

    /** A code that goes into the registry's address: a unit's, a goal's, a review's. */
    static Field code(String name, String labelKey) {
      return new Field(name, "text", labelKey, true, CODE, List.of());
    }

    /** A select whose choices the page gives, any of which may go into the address. */
    static Field pageChoice(String name, String labelKey, boolean required) {
      return new Field(
          name, "choice", labelKey, required, required ? CODE : OPTIONAL_CODE, List.of());
    }

    /** A group of boxes whose choices the page gives (goals, units); none ticked is allowed. */
    static Field checks(String name, String labelKey) {
      return new Field(name, "checks", labelKey, false, null, List.of());
    }

    public boolean choice() {
      return "choice".equals(type);
    }

    public boolean checks() {
      return "checks".equals(type);
    }

    public boolean textarea() {
      return "textarea".equals(type);
    }

    boolean accepts(String value) {
      return pattern == null || pattern.matcher(value).matches();
    }
  }

  /** A choice: its label is a message key, or a text as the register holds it (a person). */
  public record Option(String value, String labelKey, String text) {}

  static final Pattern YEAR = Pattern.compile("\\d{4}");

  /** A unit's code, a goal's or a review's id: letters, digits, dots, dashes, underscores. */
  static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}._-]{1,80}");

  static final Pattern OPTIONAL_CODE = Pattern.compile("[\\p{L}\\p{N}._-]{0,80}");

  public List<String> fieldNames() {
    return fields.stream().map(Field::name).toList();
  }

  /** The first field whose value cannot go into the registry's address, or null. */
  Field unsendable(Submission submission) {
    return fields.stream()
        .filter(f -> f.pattern() != null)
        .filter(f -> !f.accepts(submission.value(f.name())))
        .findFirst()
        .orElse(null);
  }
}
