package org.forumledger.reporting.attendance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.forumledger.reporting.api.InvalidParameterException;
import org.forumledger.reporting.api.Params;
import org.forumledger.reporting.history.Attendance;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.query.RegistryQueries;
import org.forumledger.reporting.report.AppendixRenderer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Attendance over time (issue 15, part 4): for a year, at any point in both times, each forum's
 * meetings recorded and attended, attendees and hours, and the forums with no recorded attendance
 * that year. JSON by default, {@code format=csv} for a spreadsheet.
 */
@RestController
public class AttendanceController {

  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final RegistryQueries queries;

  public AttendanceController(RegistryQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/reports/attendance")
  public Mono<ResponseEntity<?>> attendance(
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String knownAt,
      @RequestParam(required = false, defaultValue = "json") String format) {
    int y = Params.year(year);
    TimeSlice slice = Params.slice(asOf, knownAt);
    String f = format.toLowerCase(Locale.ROOT);
    if (!f.equals("json") && !f.equals("csv")) {
      throw new InvalidParameterException("format", "format must be json or csv");
    }
    return Mono.<ResponseEntity<?>>fromCallable(
            () -> {
              Attendance attendance = queries.attendance(y, slice);
              if (f.equals("json")) {
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(attendance);
              }
              return ResponseEntity.ok()
                  .contentType(CSV)
                  .header(
                      HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=narvaro-" + y + ".csv")
                  .body(csv(attendance));
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  static byte[] csv(Attendance attendance) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      csv.printRecord(
          "forum_id",
          "section",
          "name",
          "area",
          "year",
          "meetings_recorded",
          "meetings_attended",
          "attendees",
          "hours",
          "recorded_attendance");
      for (Attendance.ForumYear f : attendance.forums()) {
        csv.printRecord(
            f.forumId(),
            f.inventoryReference() == null ? "" : f.inventoryReference(),
            AppendixRenderer.text(f.name()),
            AppendixRenderer.text(f.area()),
            attendance.year(),
            f.meetingsRecorded(),
            f.meetingsAttended(),
            f.attendees(),
            f.hours().stripTrailingZeros().toPlainString(),
            f.attended() ? "yes" : f.counted() ? "no" : "not taking part");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
