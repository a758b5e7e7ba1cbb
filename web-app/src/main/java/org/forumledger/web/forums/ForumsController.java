package org.forumledger.web.forums;

import org.forumledger.web.page.TimeSlice;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The forum list with search and filters, and one forum's page. */
@Controller
class ForumsController {

  private final ForumReads forums;
  private final ForumPage forumPage;

  ForumsController(ForumReads forums, ForumPage forumPage) {
    this.forums = forums;
    this.forumPage = forumPage;
  }

  @GetMapping("/forums")
  Mono<Rendering> list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) String convener,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String status,
      ServerWebExchange exchange) {
    ForumFilter filter = new ForumFilter(q, area, convener, kind, status);
    return forums
        .all(TimeSlice.from(exchange.getRequest().getQueryParams()))
        .map(
            all ->
                Rendering.view("forums")
                    .modelAttribute("page", "forums")
                    .modelAttribute("filter", filter)
                    .modelAttribute("found", filter.apply(all.forums()))
                    .modelAttribute("total", all.count())
                    .modelAttribute("areas", ForumFilter.choices(all.forums(), Forum::area))
                    .modelAttribute("conveners", ForumFilter.choices(all.forums(), Forum::convener))
                    .modelAttribute("kinds", ForumFilter.choices(all.forums(), Forum::kind))
                    .modelAttribute("statuses", ForumFilter.choices(all.forums(), Forum::status))
                    .build());
  }

  @GetMapping("/forums/{forumId}")
  Mono<Rendering> forum(
      @PathVariable String forumId,
      @RequestParam(required = false) String recorded,
      ServerWebExchange exchange) {
    return forumPage.render(
        forumId, TimeSlice.from(exchange.getRequest().getQueryParams()), null, recorded);
  }
}
