package org.forumledger.web.attendance;

import java.math.BigDecimal;
import java.time.Year;
import java.util.List;
import org.forumledger.web.LedgerClients;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * Attendance over time from the reporting service: a year's meetings per forum, and the forums with
 * no recorded attendance that year (candidates for the review); the same as CSV for a spreadsheet.
 */
@Controller
class AttendanceController {

  private final LedgerClients clients;

  AttendanceController(LedgerClients clients) {
    this.clients = clients;
  }

  /** A year's attendance as reporting answers it. */
  record Attendance(
      int year, long position, List<ForumYear> forums, List<ForumYear> withoutAttendance) {}

  record ForumYear(
      String forumId,
      String inventoryReference,
      String name,
      String area,
      boolean counted,
      int meetingsRecorded,
      int meetingsAttended,
      int attendees,
      BigDecimal hours) {}

  @GetMapping("/attendance")
  Mono<Rendering> attendance(@RequestParam(required = false) Integer year) {
    int shown = year == null ? Year.now().getValue() - 1 : year;
    return clients
        .reporting()
        .get()
        .uri(uri -> uri.path("/reports/attendance").queryParam("year", shown).build())
        .retrieve()
        .bodyToMono(Attendance.class)
        .map(
            attendance ->
                Rendering.view("attendance")
                    .modelAttribute("page", "attendance")
                    .modelAttribute("attendance", attendance)
                    .build());
  }

  @GetMapping("/downloads/attendance")
  Mono<ResponseEntity<byte[]>> csv(@RequestParam int year) {
    return clients
        .reporting()
        .get()
        .uri(
            uri ->
                uri.path("/reports/attendance")
                    .queryParam("year", year)
                    .queryParam("format", "csv")
                    .build())
        .retrieve()
        .bodyToMono(byte[].class)
        .map(
            body ->
                ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                    .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=narvaro-" + year + ".csv")
                    .body(body));
  }
}
