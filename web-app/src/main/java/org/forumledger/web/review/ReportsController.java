package org.forumledger.web.review;

import java.time.Year;
import org.forumledger.web.forums.Forum;
import org.forumledger.web.forums.ForumReads;
import org.forumledger.web.page.TimeSlice;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The reports that answer the motion, from reporting: overlaps (one forum attended by several
 * units; forums of one convener and area attended by different units), the candidates for
 * coordination; and goal coverage (the council's goals served by no forum, forums linked to no
 * goal).
 */
@Controller
class ReportsController {

  private final CityReads city;
  private final ForumReads forums;

  ReportsController(CityReads city, ForumReads forums) {
    this.city = city;
    this.forums = forums;
  }

  @GetMapping("/overlaps")
  Mono<Rendering> overlaps(@RequestParam(required = false) Integer year) {
    int shown = year == null ? Year.now().getValue() - 1 : year;
    return city.overlaps(shown)
        .map(
            overlaps ->
                Rendering.view("overlaps")
                    .modelAttribute("page", "overlaps")
                    .modelAttribute("year", shown)
                    .modelAttribute("overlaps", overlaps)
                    .build());
  }

  @GetMapping("/goal-coverage")
  Mono<Rendering> coverage(@RequestParam(required = false) String period) {
    String shown = UnitsController.period(period);
    return Mono.zip(city.coverage(shown), forums.all(new TimeSlice(null, null)))
        .map(
            found ->
                Rendering.view("goal-coverage")
                    .modelAttribute("page", "coverage")
                    .modelAttribute("period", shown)
                    .modelAttribute("coverage", found.getT1())
                    .modelAttribute(
                        "forumNames",
                        found.getT2().forums().stream()
                            .collect(
                                java.util.stream.Collectors.toMap(
                                    Forum::forumId,
                                    f ->
                                        (f.inventoryReference() == null
                                                ? ""
                                                : f.inventoryReference() + " ")
                                            + f.name(),
                                    (a, b) -> a)))
                    .build());
  }
}
